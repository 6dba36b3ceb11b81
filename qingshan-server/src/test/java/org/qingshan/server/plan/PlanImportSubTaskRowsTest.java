package org.qingshan.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;

/** The import preview's task table lists a task's sub-tasks after it, under the task's path. */
class PlanImportSubTaskRowsTest {

  @Test
  void subTasksFollowTheirTaskUnderItsPath() throws Exception {
    String text =
        """
        青山县“十四五”生态环境保护规划
        一、发展基础
        全县生态环境质量持续改善。
        二、主要任务
        1.推进工业污染深度治理。（牵头单位：青山县生态环境分局）
        （1）实施钢铁行业超低排放改造。
        （2）开展挥发性有机物综合治理。（牵头单位：青山县住房和城乡建设局）
        2.加强移动源污染防治。（青山县交通运输局牵头）
        """;
    Plan plan = new PlanImporter().importBytes("p.txt", text.getBytes(StandardCharsets.UTF_8));
    List<TaskRow> rows = TaskRow.of(plan, name -> false);
    assertThat(rows).extracting(TaskRow::line).containsExactly(5, 6, 7, 8);
    assertThat(rows.get(0).section()).isEqualTo("二 主要任务");
    assertThat(rows.get(1).section()).isEqualTo("二 主要任务 / 推进工业污染深度治理");
    assertThat(rows.get(1).lead()).containsExactly("青山县生态环境分局");
    assertThat(rows.get(2).lead()).containsExactly("青山县住房和城乡建设局");
    assertThat(rows.get(3).section()).isEqualTo("二 主要任务");
  }
}
