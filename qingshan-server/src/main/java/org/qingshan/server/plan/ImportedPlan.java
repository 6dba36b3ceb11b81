package org.qingshan.server.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.plan.Plan;

/**
 * The plan a user imported last, kept in their session for review and export until they import
 * another (storing plans as task trees is the plan dispatch feature's job).
 */
public record ImportedPlan(String fileName, Plan plan, List<TaskRow> tasks) {

  public static ImportedPlan of(String fileName, Plan plan) {
    return new ImportedPlan(fileName, plan, TaskRow.of(plan));
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
