package org.qingshan.server.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.qingshan.plan.Plan;
import org.qingshan.server.department.Department;

/**
 * The plan a user imported last, kept in their session for review and export until they import
 * another (storing plans as task trees is the plan dispatch feature's job). Names are matched to
 * departments when the plan is shown, so an alias recorded on the review page counts at once.
 */
public record ImportedPlan(
    String fileName, Plan plan, List<TaskRow> tasks, List<PlanNameRow> names) {

  public static ImportedPlan of(
      String fileName, Plan plan, Function<String, Optional<Department>> departments) {
    Map<String, Optional<Department>> seen = new LinkedHashMap<>();
    Function<String, Optional<Department>> once = n -> seen.computeIfAbsent(n, departments);
    List<TaskRow> tasks = TaskRow.of(plan, n -> once.apply(n).isPresent());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TaskRow t : tasks) {
      Stream.of(t.lead(), t.support(), t.responsible())
          .flatMap(List::stream)
          .distinct()
          .forEach(n -> counts.merge(n, 1L, Long::sum));
    }
    List<PlanNameRow> names =
        counts.entrySet().stream()
            .map(e -> new PlanNameRow(e.getKey(), e.getValue(), once.apply(e.getKey())))
            .toList();
    return new ImportedPlan(fileName, plan, tasks, names);
  }

  /** The same plan with names matched to the departments of this moment. */
  public ImportedPlan resolvedAgain(Function<String, Optional<Department>> departments) {
    return of(fileName, plan, departments);
  }

  /** What the audit log keeps of an import: the file and what was found in it, not its text. */
  public Map<String, Object> auditState(long bytes) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("file", fileName);
    state.put("bytes", bytes);
    state.put("title", plan.title());
    state.put("tasks", tasks.size());
    state.put("unresolved", unresolvedNames().size());
    return state;
  }

  /** Names of units that no department or alias matches, with how many tasks name them. */
  public Map<String, Long> unresolvedNames() {
    Map<String, Long> counts = new LinkedHashMap<>();
    tasks.forEach(t -> t.unresolved().forEach(n -> counts.merge(n, 1L, Long::sum)));
    return counts;
  }

  public long unassignedTasks() {
    return tasks.stream().filter(TaskRow::unassigned).count();
  }
}
