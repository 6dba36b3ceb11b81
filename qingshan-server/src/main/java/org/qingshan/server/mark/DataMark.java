package org.qingshan.server.mark;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * 数据标记: data of an outlet (or of one device of it, or one factor of that device) from {@code
 * startsAt} (inclusive) to {@code endsAt} (exclusive), in county-local data time, is judged by the
 * mark and not by the data logger's flags. Raw values stay as received.
 */
public record DataMark(
    long id,
    long enterpriseId,
    long outletId,
    Optional<Long> deviceId,
    Optional<String> factor,
    MarkKind kind,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    String reason,
    String filedBy,
    boolean filedByEnterprise,
    OffsetDateTime filedAt,
    MarkStatus status,
    Optional<String> reviewedBy,
    Optional<OffsetDateTime> reviewedAt,
    Optional<String> reviewNote) {

  /** Whether the mark is in force and covers this value of this device at this data time. */
  public boolean covers(long outlet, long device, String code, LocalDateTime dataTime) {
    if (!status.inForce() || dataTime.isBefore(startsAt) || !dataTime.isBefore(endsAt)) {
      return false;
    }
    if (deviceId.isEmpty()) {
      return outletId == outlet;
    }
    return deviceId.get() == device && factor.map(f -> f.equals(code)).orElse(true);
  }

  /** Waiting for the bureau: filed by the enterprise and neither accepted nor rejected. */
  public boolean awaitsReview() {
    return status == MarkStatus.FILED && filedByEnterprise;
  }
}
