package org.qingshan.server.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.qingshan.plan.Plan;
import org.qingshan.plan.Section;
import org.qingshan.plan.task.DepartmentAssignment;
import org.qingshan.plan.task.Task;

/** A task of an imported plan as a row of the dispatch table (任务分解表). */
public record TaskRow(
    String section,
    String title,
    String text,
    int line,
    List<String> lead,
    List<String> support,
    List<String> responsible,
    List<String> unresolved,
    int targets) {

  public boolean unassigned() {
    return lead.isEmpty() && support.isEmpty() && responsible.isEmpty();
  }

  /**
   * Every task and sub-task of the plan, depth first, with the path of headings (and, for a
   * sub-task, its task) above it; {@code resolved} tells which names match a department now (an
   * alias recorded after the import counts).
   */
  public static List<TaskRow> of(Plan plan, Predicate<String> resolved) {
    List<TaskRow> rows = new ArrayList<>();
    plan.sections().forEach(s -> walk(s, "", rows, resolved));
    return rows;
  }

  private static void walk(
      Section section, String parent, List<TaskRow> rows, Predicate<String> resolved) {
    String path =
        (parent.isEmpty() ? "" : parent + " / ")
            + section.number().map(n -> n + " ").orElse("")
            + section.heading();
    for (Task t : section.tasks()) {
      add(t, path, rows, resolved);
    }
    section.sections().forEach(s -> walk(s, path, rows, resolved));
  }

  /** A task, then its sub-tasks, each under the path of its task. */
  private static void add(Task t, String path, List<TaskRow> rows, Predicate<String> resolved) {
    rows.add(
        new TaskRow(
            path,
            t.title().orElse(""),
            t.text(),
            t.line(),
            t.lead(),
            t.support(),
            t.responsible(),
            t.departments().stream()
                .map(DepartmentAssignment::name)
                .filter(resolved.negate())
                .distinct()
                .toList(),
            t.targets().size()));
    String under =
        path
            + " / "
            + t.title()
                .orElse(t.text().length() <= 20 ? t.text() : t.text().substring(0, 20) + "…");
    t.subTasks().forEach(sub -> add(sub, under, rows, resolved));
  }

  public boolean matches(String text) {
    return section.contains(text)
        || title.contains(text)
        || this.text.contains(text)
        || lead.stream().anyMatch(n -> n.contains(text))
        || support.stream().anyMatch(n -> n.contains(text))
        || responsible.stream().anyMatch(n -> n.contains(text));
  }
}
