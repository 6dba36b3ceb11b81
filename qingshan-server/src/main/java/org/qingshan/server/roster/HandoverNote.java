package org.qingshan.server.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * 交接班记录: what the outgoing shift ({@code date}, {@code shift}) tells the next.
 *
 * @param writerName the writer's display name
 */
public record HandoverNote(
    long id,
    LocalDate date,
    String shift,
    String text,
    String writtenBy,
    String writerName,
    OffsetDateTime writtenAt,
    Optional<String> acknowledgedBy,
    Optional<OffsetDateTime> acknowledgedAt) {

  public boolean acknowledged() {
    return acknowledgedAt.isPresent();
  }
}
