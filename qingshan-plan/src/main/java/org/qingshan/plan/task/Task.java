package org.qingshan.plan.task;

import java.util.List;
import java.util.Optional;
import org.qingshan.plan.target.DatedTarget;

/**
 * A task of the plan: its run-in title when there is one, its full text, the source line where it
 * starts, the units by role as written, their departments, and the targets in its text.
 */
public record Task(
    Optional<String> title,
    String text,
    int line,
    List<String> lead,
    List<String> support,
    List<String> responsible,
    List<DepartmentAssignment> departments,
    List<DatedTarget> targets) {

  public Task {
    lead = List.copyOf(lead);
    support = List.copyOf(support);
    responsible = List.copyOf(responsible);
    departments = List.copyOf(departments);
    targets = List.copyOf(targets);
  }

  /** True when the plan named nobody for this task (flagged, never guessed). */
  public boolean unassigned() {
    return lead.isEmpty() && support.isEmpty() && responsible.isEmpty();
  }
}
