package org.qingshan.server.alarm;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One alarm: a condition of one source (a device, a facility or an enterprise), factor and type,
 * from the data time it started until the data time it ended. The engine opens it and ends it;
 * people acknowledge and close it.
 *
 * @param startedAt data time (county local) of the first data that raised it
 * @param lastSeenAt data time of the newest data that still showed the condition
 * @param endedAt data time of the first data back within the rule, while the condition lasts empty
 * @param value the newest value that showed the condition
 * @param limit the limit or threshold it was judged against
 * @param foundLate raised by re-sent or back-filled data
 * @param raisedAt when the engine raised it (wall clock)
 */
public record Alarm(
    long id,
    AlarmType type,
    Severity severity,
    AlarmStatus status,
    Optional<Long> ruleId,
    Optional<Long> deviceId,
    Optional<Long> enterpriseId,
    Optional<Long> outletId,
    Optional<Long> facilityId,
    Optional<String> factor,
    LocalDateTime startedAt,
    LocalDateTime lastSeenAt,
    Optional<LocalDateTime> endedAt,
    OptionalDouble value,
    OptionalDouble limit,
    boolean foundLate,
    String message,
    OffsetDateTime raisedAt,
    Optional<String> acknowledgedBy,
    Optional<OffsetDateTime> acknowledgedAt,
    Optional<String> closedBy,
    Optional<OffsetDateTime> closedAt,
    Optional<String> closeNote) {

  /** Whether its condition still lasts and nobody closed it: the engine keeps it up to date. */
  public boolean ongoing() {
    return endedAt.isEmpty() && status != AlarmStatus.CLOSED;
  }
}
