package org.qingshan.server.evaluation;

import java.util.List;
import org.qingshan.server.web.Messages;

/** The texts both documents show, so the .docx and the .pdf say the same. */
final class EvaluationDocuments {
  private EvaluationDocuments() {}

  static String title(Messages m, EvaluationReport r) {
    return r.planTitle() + m.label(r.kind());
  }

  static String fileName(Messages m, EvaluationReport r, String extension) {
    return (title(m, r) + "（" + r.date() + "）").replaceAll("[\\\\/:*?\"<>|]", "") + "." + extension;
  }

  static List<String> indicatorHeader(Messages m) {
    return m.all(
        "evaluation.col.no",
        "evaluation.col.name",
        "evaluation.col.unit",
        "evaluation.col.baseline",
        "evaluation.col.target",
        "evaluation.col.value",
        "evaluation.col.status");
  }

  static List<String> indicatorRow(EvaluationReport.Indicator i) {
    return List.of(
        i.no(), i.name(), i.unit(), i.baseline(), i.target(), i.valueText(), i.statusLabel());
  }

  static List<String> chapterHeader(Messages m) {
    return m.all(
        "evaluation.col.chapter",
        "evaluation.col.tasks",
        "evaluation.col.not-started",
        "evaluation.col.in-progress",
        "evaluation.col.done",
        "evaluation.col.behind",
        "evaluation.col.overdue");
  }

  static List<String> chapterRow(EvaluationReport.Chapter c) {
    return List.of(
        c.title(),
        "" + c.tasks(),
        "" + c.notStarted(),
        "" + c.inProgress(),
        "" + c.done(),
        "" + c.behind(),
        "" + c.overdue());
  }

  static List<String> targetHeader(Messages m) {
    return m.all(
        "evaluation.col.task",
        "evaluation.col.lead",
        "evaluation.col.goal",
        "evaluation.col.deadline",
        "evaluation.col.figure",
        "evaluation.col.target-state");
  }

  static List<String> targetRow(EvaluationReport.TargetProgress t) {
    return List.of(
        t.task(), t.lead(), words(t.goal()), t.deadline().toString(), t.figure(), t.state());
  }

  /** A goal's comparator in words (不低于 90%), which every CJK font can show. */
  static String words(String goal) {
    return goal.replace(" ≥ ", "不低于")
        .replace(" ≤ ", "不高于")
        .replace(" > ", "高于")
        .replace(" < ", "低于")
        .replace(" ≈ ", "约")
        .replace(" = ", "为")
        .replace("≥", "不低于")
        .replace("≤", "不高于")
        .replace("≈", "约")
        .replace(" ", "");
  }

  static String project(Messages m, EvaluationReport.Project p) {
    return m.get(
        "evaluation.doc.project",
        p.name(),
        p.investment(),
        p.actualInvestment(),
        p.progress().map(v -> v + "%").orElse("—"),
        p.content());
  }

  /** A project's milestones in one line (开工（2024-03-31）：完成；完工（2025-06-30）：逾期), or none. */
  static String milestones(Messages m, EvaluationReport.Project p) {
    if (p.milestones().isEmpty()) {
      return m.get("evaluation.doc.milestones", m.get("evaluation.doc.none"));
    }
    List<String> items = new java.util.ArrayList<>();
    for (EvaluationReport.Milestone ms : p.milestones()) {
      items.add(
          m.get(
              "evaluation.doc.milestone",
              ms.name(),
              ms.due().map(Object::toString).orElse("—"),
              m.label(ms.state())));
    }
    return m.get("evaluation.doc.milestones", String.join("；", items));
  }

  static List<String> departmentHeader(Messages m) {
    return m.all(
        "evaluation.col.department",
        "evaluation.col.tasks",
        "evaluation.col.on-time",
        "evaluation.col.done",
        "evaluation.col.score");
  }

  static List<String> departmentRow(EvaluationReport.DepartmentScore s) {
    return List.of(
        s.department(), "" + s.tasks(), "" + s.onTime(), "" + s.done(), s.score().toPlainString());
  }
}
