package org.qingshan.server.plandispatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A department's report on a task with its evidence files. */
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
    List<Evidence> files) {

  public DispatchProgress {
    files = List.copyOf(files);
  }

  /** An evidence file as stored: its name as uploaded, random stored name, type and size. */
  public record Evidence(
      long id, String fileName, String storedName, String contentType, long bytes) {}
}
