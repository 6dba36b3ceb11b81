package org.qingshan.server.analysis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * 集中治理 campaign: a name, a goal, its own deadline and a responsible department, with the progress
 * of its cases.
 *
 * @param finished the cases closed or refused
 * @param overdue the open cases past their own deadline or the campaign's
 */
public record Campaign(
    long id,
    String name,
    String goal,
    LocalDate deadline,
    Optional<Long> departmentId,
    Optional<String> departmentName,
    String createdBy,
    OffsetDateTime createdAt,
    long total,
    long finished,
    long overdue) {

  /** Finished share in percent, 0 for a campaign without cases. */
  public int percent() {
    return total == 0 ? 0 : (int) Math.round(100.0 * finished / total);
  }

  /** Past its own deadline with cases still open. */
  public boolean lateAt(OffsetDateTime now, ZoneId zone) {
    return finished < total && now.atZoneSameInstant(zone).toLocalDate().isAfter(deadline);
  }
}
