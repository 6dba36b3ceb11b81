package org.qingshan.server.duty;

import java.util.Optional;
import java.util.Set;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;

/**
 * What a list of alarms is narrowed to; empty means any.
 *
 * @param text found in the message, the device's MN or name, the enterprise's or outlet's name
 * @param statuses the statuses wanted; empty for all
 */
public record AlarmSearch(
    Optional<String> text,
    Optional<String> town,
    Optional<String> industry,
    Optional<AlarmType> type,
    Optional<Severity> severity,
    Set<AlarmStatus> statuses,
    Optional<Long> enterpriseId,
    Optional<Long> deviceId) {

  public AlarmSearch {
    statuses = Set.copyOf(statuses);
    text = text.map(String::trim).filter(t -> !t.isEmpty());
    town = town.map(String::trim).filter(t -> !t.isEmpty());
    industry = industry.map(String::trim).filter(t -> !t.isEmpty());
  }

  /** Alarms not yet closed: those the duty screen shows. */
  public static final Set<AlarmStatus> NOT_CLOSED =
      Set.of(AlarmStatus.OPEN, AlarmStatus.ACKNOWLEDGED);

  public static AlarmSearch notClosed() {
    return new AlarmSearch(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        NOT_CLOSED,
        Optional.empty(),
        Optional.empty());
  }

  /** Every alarm, closed or not. */
  public static AlarmSearch all() {
    return notClosed().withStatuses(Set.of());
  }

  public AlarmSearch ofEnterprise(long id) {
    return new AlarmSearch(
        text, town, industry, type, severity, statuses, Optional.of(id), deviceId);
  }

  public AlarmSearch ofDevice(long id) {
    return new AlarmSearch(
        text, town, industry, type, severity, statuses, enterpriseId, Optional.of(id));
  }

  public AlarmSearch withStatuses(Set<AlarmStatus> wanted) {
    return new AlarmSearch(text, town, industry, type, severity, wanted, enterpriseId, deviceId);
  }
}
