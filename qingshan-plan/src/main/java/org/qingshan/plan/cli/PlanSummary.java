package org.qingshan.plan.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.qingshan.plan.Plan;
import org.qingshan.plan.Section;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.task.Task;

/**
 * The readable summary printed without --json: counts, the heading tree to depth 2, the tasks
 * broken into sub-tasks, warnings.
 */
final class PlanSummary {

  private PlanSummary() {}

  static void print(Plan plan, PrintStream out) {
    out.println("规划：" + plan.title());
    plan.issuer().ifPresent(v -> out.println("发文机关：" + v));
    plan.documentNumber().ifPresent(v -> out.println("文号：" + v));
    plan.date().ifPresent(v -> out.println("日期：" + v));
    plan.period().ifPresent(p -> out.println("规划期：" + p.from() + "—" + p.to() + "年"));
    long unassigned = plan.tasks().stream().filter(Task::unassigned).count();
    int subTasks = plan.subTaskCount();
    out.printf(
        "任务 %d 项（%s其中 %d 项没有具体责任单位：未标注或待填），指标 %d 项%s，重点工程 %d 项，待填占位符 %d 处，提示 %d 条%n",
        plan.tasks().size(),
        subTasks > 0 ? "含子任务 " + subTasks + " 项；" : "",
        unassigned,
        plan.indicators().size(),
        plan.indicatorTableMissing() ? "（指标表缺失，需人工录入）" : "",
        plan.keyProjects().size(),
        plan.placeholders().size(),
        plan.warnings().size());
    out.println();
    for (Section chapter : plan.sections()) {
      out.println(label(chapter) + "（" + chapter.taskCount() + " 项任务）");
      for (Section section : chapter.sections()) {
        out.println("  " + label(section) + "（" + section.taskCount() + " 项任务）");
      }
    }
    if (subTasks > 0) {
      out.println();
      out.println("分解为子任务的任务：");
      for (Section chapter : plan.sections()) {
        printBrokenDown(chapter, out);
      }
    }
    if (!plan.warnings().isEmpty()) {
      out.println();
      out.println("需要核对的行：");
      for (ImportWarning warning : plan.warnings()) {
        out.println("  第 " + warning.line() + " 行：" + warning.message());
      }
    }
  }

  private static void printBrokenDown(Section section, PrintStream out) {
    for (Task task : section.tasks()) {
      if (!task.subTasks().isEmpty()) {
        printTask(task, "  ", out);
      }
    }
    section.sections().forEach(s -> printBrokenDown(s, out));
  }

  private static void printTask(Task task, String indent, PrintStream out) {
    String note =
        task.subTasks().isEmpty()
            ? (task.unitsInherited() ? "责任单位同上" : units(task))
            : task.subTasks().size() + " 项子任务";
    out.println(indent + "第 " + task.line() + " 行 " + shortName(task) + "（" + note + "）");
    for (Task sub : task.subTasks()) {
      printTask(sub, indent + "  ", out);
    }
  }

  private static String shortName(Task task) {
    String name = task.title().orElse(task.text());
    return name.length() <= 30 ? name : name.substring(0, 30) + "…";
  }

  private static String units(Task task) {
    if (task.unassigned()) {
      return "未标注责任单位";
    }
    List<String> parts = new ArrayList<>();
    if (!task.lead().isEmpty()) {
      parts.add("牵头：" + String.join("、", task.lead()));
    }
    if (!task.support().isEmpty()) {
      parts.add("配合：" + String.join("、", task.support()));
    }
    if (!task.responsible().isEmpty()) {
      parts.add("责任：" + String.join("、", task.responsible()));
    }
    return String.join("；", parts);
  }

  private static String label(Section section) {
    return section.number().map(n -> n + " ").orElse("") + section.heading();
  }
}
