package org.qingshan.server.duty;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;

/**
 * An alarm as people on duty and enterprises read it: the alarm with the device, outlet, facility,
 * enterprise and rule behind it. The enterprise is the alarm's own, or else its outlet's, its
 * device's outlet's or its facility's, since the engine may name only the source.
 */
public record DutyAlarm(
    long id,
    AlarmType type,
    Severity severity,
    AlarmStatus status,
    Optional<Long> deviceId,
    Optional<String> deviceMn,
    Optional<String> deviceName,
    Optional<Long> enterpriseId,
    Optional<String> enterpriseName,
    Optional<String> town,
    Optional<String> industry,
    Optional<String> outletCode,
    Optional<String> outletName,
    Optional<String> facilityName,
    Optional<String> factor,
    LocalDateTime startedAt,
    LocalDateTime lastSeenAt,
    Optional<LocalDateTime> endedAt,
    OptionalDouble value,
    OptionalDouble limit,
    boolean foundLate,
    String message,
    OffsetDateTime raisedAt,
    Optional<Rule> rule,
    Optional<String> acknowledgedBy,
    Optional<OffsetDateTime> acknowledgedAt,
    Optional<String> closedBy,
    Optional<OffsetDateTime> closedAt,
    Optional<String> closeNote,
    int explanations) {

  /** The rule that raised the alarm, as far as the duty screen shows it. */
  public record Rule(
      long id,
      String name,
      Optional<String> dataKind,
      OptionalDouble threshold,
      Optional<Integer> countOrMinutes) {}

  /** Where the alarm comes from, in one line: enterprise, outlet or facility, device. */
  public String source() {
    StringBuilder s = new StringBuilder(enterpriseName.orElse(""));
    outletCode.ifPresent(c -> s.append(s.isEmpty() ? "" : " · ").append(c));
    outletName.ifPresent(n -> s.append(" ").append(n));
    facilityName.ifPresent(n -> s.append(s.isEmpty() ? "" : " · ").append(n));
    deviceName.ifPresent(n -> s.append(s.isEmpty() ? "" : " · ").append(n));
    return s.toString();
  }

  public boolean open() {
    return status != AlarmStatus.CLOSED;
  }

  /** The number a value is shown with, empty where there is none. */
  public String valueText() {
    return value.isPresent() ? format(value.getAsDouble()) : "";
  }

  public String limitText() {
    return limit.isPresent() ? format(limit.getAsDouble()) : "";
  }

  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.valueOf(Math.round(v * 1000) / 1000.0);
  }
}
