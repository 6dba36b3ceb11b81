package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingshan.plan.cli.PlanImportCommand;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.json.PlanJson;
import org.qingshan.plan.target.DatedTarget;
import org.qingshan.plan.task.Task;

/**
 * A numbered task broken into （1）/（2）/① items: the items are the task's sub-tasks, each with its
 * own units when it names some, else with the task's; items under text that names nobody stay tasks
 * of their own.
 */
class SubTasksTest {

  static final String PLAN =
      """
      青山县“十四五”生态环境保护规划
      一、发展基础
      全县生态环境质量持续改善。
      二、主要任务
      （一）大气污染防治
      1.推进工业污染深度治理。（牵头单位：青山县生态环境分局；配合单位：青山县工业和信息化局）
      （1）实施钢铁行业超低排放改造，2023年底前全部完成。
      （2）开展挥发性有机物综合治理。（牵头单位：青山县住房和城乡建设局）
      （3）加强工业炉窑综合治理。
      ①淘汰落后燃煤炉窑。
      ②推进炉窑清洁能源替代。
      2.加强移动源污染防治。（青山县交通运输局牵头，青山县公安局参与）
      （二）水污染防治
      1.系统推进水环境治理。
      （1）实施截污纳管工程。（牵头单位：青山县住房和城乡建设局）
      （2）开展入河排污口排查。（牵头单位：青山县生态环境分局）
      """;

  private static Plan imported() throws Exception {
    return new PlanImporter().importBytes("plan.txt", PLAN.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void itemsOfATaskAreItsSubTasks() throws Exception {
    Plan plan = imported();
    Section air = plan.sections().get(1).sections().get(0);
    assertThat(air.tasks()).hasSize(2);
    Task industry = air.tasks().get(0);
    assertThat(industry.title()).hasValue("推进工业污染深度治理");
    assertThat(industry.subTasks()).extracting(Task::line).containsExactly(7, 8, 9);

    Task steel = industry.subTasks().get(0);
    assertThat(steel.text()).startsWith("实施钢铁行业超低排放改造");
    assertThat(steel.unitsInherited()).isTrue();
    assertThat(steel.lead()).containsExactly("青山县生态环境分局");
    assertThat(steel.support()).containsExactly("青山县工业和信息化局");
    assertThat(steel.targets())
        .extracting(DatedTarget::deadline)
        .containsExactly(java.util.Optional.of(LocalDate.of(2023, 12, 31)));

    Task voc = industry.subTasks().get(1);
    assertThat(voc.unitsInherited()).isFalse();
    assertThat(voc.lead()).containsExactly("青山县住房和城乡建设局");
    assertThat(voc.support()).isEmpty();

    Task kilns = industry.subTasks().get(2);
    assertThat(kilns.unitsInherited()).isTrue();
    assertThat(kilns.text()).startsWith("加强工业炉窑综合治理");
    assertThat(kilns.subTasks()).extracting(Task::line).containsExactly(10, 11);
    assertThat(kilns.subTasks())
        .allSatisfy(
            t -> {
              assertThat(t.unitsInherited()).isTrue();
              assertThat(t.lead()).containsExactly("青山县生态环境分局");
            });

    assertThat(air.tasks().get(1).subTasks()).isEmpty();
    assertThat(air.tasks().get(1).lead()).containsExactly("青山县交通运输局");
    // Items of a task need no marker of their own: nothing to review on their lines.
    assertThat(plan.warnings()).noneMatch(w -> List.of(7, 9, 10, 11).contains(w.line()));
  }

  @Test
  void itemsUnderTextNamingNobodyStayTasks() throws Exception {
    Section water = imported().sections().get(1).sections().get(1);
    // 1.系统推进水环境治理。 names nobody and only introduces its items, as before.
    assertThat(water.tasks()).extracting(Task::line).containsExactly(15, 16);
    assertThat(water.tasks()).allMatch(t -> t.subTasks().isEmpty() && !t.unitsInherited());
  }

  @Test
  void everyTaskListsSubTasksAfterTheirTask() throws Exception {
    Plan plan = imported();
    assertThat(plan.tasks()).extracting(Task::line).containsExactly(6, 7, 8, 9, 10, 11, 12, 15, 16);
    assertThat(plan.subTaskCount()).isEqualTo(5);
    assertThat(plan.sections().get(1).taskCount()).isEqualTo(9);
  }

  @Test
  void jsonNestsSubTasks() throws Exception {
    JsonNode root = new ObjectMapper().readTree(PlanJson.write(imported()));
    JsonNode task = root.get("sections").get(1).get("sections").get(0).get("tasks").get(0);
    assertThat(task.get("unitsInherited").asBoolean()).isFalse();
    JsonNode subtasks = task.get("subtasks");
    assertThat(subtasks).hasSize(3);
    assertThat(subtasks.get(0).get("unitsInherited").asBoolean()).isTrue();
    assertThat(subtasks.get(0).get("lead").get(0).asText()).isEqualTo("青山县生态环境分局");
    assertThat(subtasks.get(1).get("lead").get(0).asText()).isEqualTo("青山县住房和城乡建设局");
    assertThat(subtasks.get(2).get("subtasks")).hasSize(2);
    assertThat(subtasks.get(2).get("subtasks").get(0).get("subtasks")).isEmpty();
  }

  @Test
  void summaryShowsSubTasks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.txt");
    Files.writeString(file, PLAN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        PlanImportCommand.run(
            List.of(file.toString()),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            DepartmentDirectory.none());
    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(summary).contains("任务 9 项（含子任务 5 项；");
    assertThat(summary)
        .contains("分解为子任务的任务：")
        .contains("  第 6 行 推进工业污染深度治理（3 项子任务）\n")
        .contains("    第 7 行 实施钢铁行业超低排放改造，2023年底前全部完成（责任单位同上）\n")
        .contains("    第 8 行 开展挥发性有机物综合治理（牵头：青山县住房和城乡建设局）\n")
        .contains("    第 9 行 加强工业炉窑综合治理（2 项子任务）\n")
        .contains("      第 10 行 淘汰落后燃煤炉窑（责任单位同上）\n");
  }

  static final String BEFORE_PLAN =
      """
      某区生态环境保护规划（2021—2025年）
      第一章  发展基础
      全区生态环境质量持续改善。
      第二章  主要任务
      1.推进工业污染深度治理。（牵头单位：区生态环境分局）全面推进重点行业深度治理，实施清洁生产改造。
      （1）实施钢铁行业超低排放改造，按期完成改造任务。
      （2）（牵头单位：区住房和城乡建设局）开展建筑工地扬尘专项整治，落实六个百分之百要求。
      2.加强移动源污染防治。（牵头单位：区交通运输局）开展路检路查，淘汰老旧柴油货车。
      """;

  @Test
  void subTasksWhenMarkersComeBeforeTheirText() throws Exception {
    Plan plan =
        new PlanImporter().importBytes("before.txt", BEFORE_PLAN.getBytes(StandardCharsets.UTF_8));
    List<Task> top = plan.sections().get(1).tasks();
    assertThat(top).extracting(Task::line).containsExactly(5, 8);
    assertThat(top.get(0).subTasks()).extracting(Task::line).containsExactly(6, 7);
    assertThat(top.get(0).subTasks().get(0).lead()).containsExactly("区生态环境分局");
    assertThat(top.get(0).subTasks().get(0).unitsInherited()).isTrue();
    assertThat(top.get(0).subTasks().get(1).lead()).containsExactly("区住房和城乡建设局");
    assertThat(top.get(1).lead()).containsExactly("区交通运输局");
  }
}
