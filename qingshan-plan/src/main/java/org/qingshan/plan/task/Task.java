package org.qingshan.plan.task;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.qingshan.plan.target.DatedTarget;

/**
 * A task of the plan: its run-in title when there is one, its full text, the source line where it
 * starts, the units by role as written, their departments, the targets in its text, and its
 * sub-tasks (the （1）/（2）/① items a numbered task is broken into).
 *
 * <p>A sub-task that names no unit of its own carries its task's units, with {@code unitsInherited}
 * set: the plan assigns the whole task, items and all, to the units after it.
 */
public record Task(
    Optional<String> title,
    String text,
    int line,
    List<String> lead,
    List<String> support,
    List<String> responsible,
    List<DepartmentAssignment> departments,
    List<DatedTarget> targets,
    boolean unitsInherited,
    List<Task> subTasks) {

  public Task {
    lead = List.copyOf(lead);
    support = List.copyOf(support);
    responsible = List.copyOf(responsible);
    departments = List.copyOf(departments);
    targets = List.copyOf(targets);
    subTasks = List.copyOf(subTasks);
  }

  /** A task without sub-tasks, naming its own units. */
  public Task(
      Optional<String> title,
      String text,
      int line,
      List<String> lead,
      List<String> support,
      List<String> responsible,
      List<DepartmentAssignment> departments,
      List<DatedTarget> targets) {
    this(title, text, line, lead, support, responsible, departments, targets, false, List.of());
  }

  /** True when the plan named nobody for this task (flagged, never guessed). */
  public boolean unassigned() {
    return lead.isEmpty() && support.isEmpty() && responsible.isEmpty();
  }

  /** The same task with these sub-tasks. */
  public Task withSubTasks(List<Task> value) {
    return new Task(
        title, text, line, lead, support, responsible, departments, targets, unitsInherited, value);
  }

  /** The same task with the units of {@code parent}, as a sub-task naming none of its own. */
  public Task inheritingUnitsOf(Task parent) {
    return new Task(
        title,
        text,
        line,
        parent.lead,
        parent.support,
        parent.responsible,
        parent.departments,
        targets,
        true,
        subTasks);
  }

  /** This task, then its sub-tasks and theirs, in document order. */
  public Stream<Task> withDescendants() {
    return Stream.concat(Stream.of(this), subTasks.stream().flatMap(Task::withDescendants));
  }
}
