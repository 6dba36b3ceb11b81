package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.project.KeyProject;

/** Key projects from a box (专栏) between tasks and from a project chapter; never tasks. */
class KeyProjectsTest {

  private static final String PLAN =
      """
      某县“十四五”生态环境保护规划
      一、发展基础\t1
      二、主要任务\t2
      三、重点工程\t5
      一、发展基础
      全县生态环境持续改善。
      二、主要任务
      （一）大气污染防治
      1.推进工业炉窑治理。完成燃煤炉窑替代。（牵头单位：县生态环境分局）
      专栏1  大气污染防治重点工程
      1.县热电厂超低排放改造工程：脱硝设施提标改造，总投资1.2亿元。
      2.城区扬尘在线监测项目，投资350万元。
      2.加强扬尘管控。严格工地管理。（责任单位：县住房和城乡建设局）
      三、重点工程
      （一）水环境治理工程
      1.县污水处理厂三期工程；
      项目内容：新建污水处理规模2万m³/d，总投资8000万元。
      2.河道生态修复工程项目。
      """;

  @Test
  void readsBoxesAndProjectChaptersWithInvestment() throws Exception {
    Plan plan =
        new PlanImporter().importBytes("projects.txt", PLAN.getBytes(StandardCharsets.UTF_8));

    assertThat(plan.keyProjects())
        .extracting(KeyProject::name)
        .containsExactly("县热电厂超低排放改造工程", "城区扬尘在线监测项目", "县污水处理厂三期工程", "河道生态修复工程项目");
    assertThat(plan.keyProjects())
        .extracting(p -> p.investment().orElse(null))
        .containsExactly(
            new BigDecimal("12000.0"), new BigDecimal("350"), new BigDecimal("8000"), null);
    assertThat(plan.keyProjects().get(2).content()).hasValue("新建污水处理规模2万m³/d，总投资8000万元。");
    assertThat(plan.tasks())
        .extracting(t -> t.title().orElse(""))
        .containsExactly("推进工业炉窑治理", "加强扬尘管控");
    assertThat(plan.tasks().get(1).responsible()).containsExactly("县住房和城乡建设局");
    // The contents list without a 目录 line is skipped: three chapters, not six.
    assertThat(plan.sections()).hasSize(3);
  }
}
