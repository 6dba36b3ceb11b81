package org.qingshan.server.plandispatch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A node of a stored plan's tree: a chapter, a section or a task with its units and due date. */
public record DispatchTask(
    long id,
    long planId,
    Optional<Long> parentId,
    DispatchTaskKind kind,
    int position,
    Optional<String> number,
    String title,
    String text,
    int line,
    Optional<LocalDate> due,
    Optional<String> modality,
    DispatchTaskStatus status,
    int version,
    Optional<OffsetDateTime> updatedAt,
    List<DispatchUnit> units) {

  public DispatchTask {
    units = List.copyOf(units);
  }

  public DispatchTask withUnits(List<DispatchUnit> value) {
    return new DispatchTask(
        id, planId, parentId, kind, position, number, title, text, line, due, modality, status,
        version, updatedAt, value);
  }

  public List<String> names(DispatchUnitRole role) {
    return units.stream().filter(u -> u.role() == role).map(DispatchUnit::shown).toList();
  }

  public List<String> lead() {
    return names(DispatchUnitRole.LEAD);
  }

  public List<String> support() {
    return names(DispatchUnitRole.SUPPORT);
  }

  public List<String> responsible() {
    return names(DispatchUnitRole.RESPONSIBLE);
  }

  /** The role in which one of {@code departments} takes part, the strongest first; else empty. */
  public Optional<DispatchUnitRole> roleOf(Set<Long> departments, boolean all) {
    for (DispatchUnitRole role :
        List.of(DispatchUnitRole.LEAD, DispatchUnitRole.RESPONSIBLE, DispatchUnitRole.SUPPORT)) {
      if (units.stream()
          .anyMatch(
              u ->
                  u.role() == role
                      && (all || u.departmentId().map(departments::contains).orElse(false)))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** Whose report is the task's report: the lead's, or the responsible units' when none leads. */
  public boolean reportSetsStatus(DispatchUnitRole role) {
    boolean hasLead = units.stream().anyMatch(u -> u.role() == DispatchUnitRole.LEAD);
    return role == DispatchUnitRole.LEAD || (!hasLead && role == DispatchUnitRole.RESPONSIBLE);
  }

  /** A task or a sub-task: what departments report on (chapters and sections are headings). */
  public boolean isTask() {
    return kind == DispatchTaskKind.TASK || kind == DispatchTaskKind.SUBTASK;
  }

  /** An item of a task, shown indented under it. */
  public boolean isSubTask() {
    return kind == DispatchTaskKind.SUBTASK;
  }

  /** Overdue on {@code today}: a due date passed without the task done. */
  public boolean overdue(LocalDate today) {
    return isTask() && status != DispatchTaskStatus.DONE && due.filter(today::isAfter).isPresent();
  }

  public boolean matches(String q) {
    return title.contains(q)
        || text.contains(q)
        || units.stream().anyMatch(u -> u.name().contains(q) || u.shown().contains(q));
  }
}
