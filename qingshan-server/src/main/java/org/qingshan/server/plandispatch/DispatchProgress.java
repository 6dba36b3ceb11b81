package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A department's report on a task with its evidence files and its figures for the targets; {@code
 * mergedFrom}: the title of the task it was made on, when that task was merged into this one in a
 * later version (a contribution: it does not set this task's status); {@code proxy}: for a 代报 (the
 * bureau reporting on behalf of the department), who reported it: the reporter's department and
 * name ("规划科李明").
 */
public record DispatchProgress(
    long id,
    long taskId,
    Optional<Long> departmentId,
    Optional<String> department,
    DispatchUnitRole role,
    DispatchTaskStatus status,
    String text,
    String reportedBy,
    OffsetDateTime reportedAt,
    List<Evidence> files,
    List<Figure> figures,
    Optional<String> mergedFrom,
    Optional<String> proxy) {

  public DispatchProgress {
    files = List.copyOf(files);
    figures = List.copyOf(figures);
  }

  /** A figure the report gave for the task's target at {@code targetPosition}. */
  public record Figure(int targetPosition, BigDecimal amount, Optional<String> note) {}

  /** An evidence file as stored: its name as uploaded, random stored name, type and size. */
  public record Evidence(
      long id, String fileName, String storedName, String contentType, long bytes) {}
}
