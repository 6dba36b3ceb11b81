package org.qingshan.plan.cli;

import java.io.PrintStream;
import org.qingshan.plan.Plan;
import org.qingshan.plan.Section;
import org.qingshan.plan.common.ImportWarning;
import org.qingshan.plan.task.Task;

/** The readable summary printed without --json: counts, the heading tree to depth 2, warnings. */
final class PlanSummary {

  private PlanSummary() {}

  static void print(Plan plan, PrintStream out) {
    out.println("规划：" + plan.title());
    plan.issuer().ifPresent(v -> out.println("发文机关：" + v));
    plan.documentNumber().ifPresent(v -> out.println("文号：" + v));
    plan.date().ifPresent(v -> out.println("日期：" + v));
    plan.period().ifPresent(p -> out.println("规划期：" + p.from() + "—" + p.to() + "年"));
    long unassigned = plan.tasks().stream().filter(Task::unassigned).count();
    out.printf(
        "任务 %d 项（其中 %d 项没有具体责任单位：未标注或待填），指标 %d 项%s，重点工程 %d 项，待填占位符 %d 处，提示 %d 条%n",
        plan.tasks().size(),
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
    if (!plan.warnings().isEmpty()) {
      out.println();
      out.println("需要核对的行：");
      for (ImportWarning warning : plan.warnings()) {
        out.println("  第 " + warning.line() + " 行：" + warning.message());
      }
    }
  }

  private static String label(Section section) {
    return section.number().map(n -> n + " ").orElse("") + section.heading();
  }
}
