package org.qingshan.server.cases;

import java.util.Optional;
import org.qingshan.server.alarm.Severity;

/**
 * What opens a case: from an alarm, a public report, a patrol finding, an inspection or a
 * department. The deadline follows the type, source and severity unless given.
 */
public record NewCase(
    String title,
    CaseType type,
    CaseSource source,
    Severity severity,
    String description,
    Optional<Long> enterpriseId,
    Optional<String> place,
    Optional<Double> lat,
    Optional<Double> lng,
    Optional<Long> townId,
    Optional<Long> gridId,
    Optional<Long> alarmId) {

  /** A case of the given kind with nothing but a title and a description. */
  public static NewCase of(
      String title, CaseType type, CaseSource source, Severity severity, String description) {
    return new NewCase(
        title,
        type,
        source,
        severity,
        description,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public NewCase withEnterprise(long id) {
    return new NewCase(
        title,
        type,
        source,
        severity,
        description,
        Optional.of(id),
        place,
        lat,
        lng,
        townId,
        gridId,
        alarmId);
  }

  public NewCase withPlace(String place, Optional<Double> lat, Optional<Double> lng) {
    return new NewCase(
        title,
        type,
        source,
        severity,
        description,
        enterpriseId,
        Optional.of(place),
        lat,
        lng,
        townId,
        gridId,
        alarmId);
  }

  public NewCase withTown(long townId) {
    return new NewCase(
        title,
        type,
        source,
        severity,
        description,
        enterpriseId,
        place,
        lat,
        lng,
        Optional.of(townId),
        gridId,
        alarmId);
  }

  public NewCase withGrid(long gridId) {
    return new NewCase(
        title,
        type,
        source,
        severity,
        description,
        enterpriseId,
        place,
        lat,
        lng,
        townId,
        Optional.of(gridId),
        alarmId);
  }

  public NewCase withAlarm(long alarmId) {
    return new NewCase(
        title,
        type,
        source,
        severity,
        description,
        enterpriseId,
        place,
        lat,
        lng,
        townId,
        gridId,
        Optional.of(alarmId));
  }
}
