package org.qingshan.server.alarm;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.qingshan.server.ingest.ObservationKind;

/**
 * A rule as data: what type of alarm it raises, over which scope (every device when all of
 * enterprise, outlet and device are empty, else the narrowest given), on which factor (all when
 * empty) and kind of data (all when empty), with its threshold and count or minutes, and the
 * severity of the alarms it raises.
 *
 * <p>What threshold and count mean depends on the type: exceedance counts periods in a row (the
 * limit is the outlet's); constant, zero, continuous exceedance count values in a row; flag and the
 * electricity types count minutes; out of range takes the instrument's range as threshold, jump the
 * relative change, treatment low load the share of the rating.
 */
public record AlarmRule(
    long id,
    String name,
    AlarmType type,
    Optional<Long> enterpriseId,
    Optional<Long> outletId,
    Optional<Long> deviceId,
    Optional<String> factor,
    Optional<ObservationKind> dataKind,
    OptionalDouble threshold,
    OptionalInt countOrMinutes,
    Severity severity,
    boolean enabled) {

  public AlarmRule {
    factor = factor.map(String::trim).filter(f -> !f.isEmpty());
    name = name.trim();
  }

  /** The same rule switched on or off. */
  public AlarmRule withEnabled(boolean on) {
    return new AlarmRule(
        id,
        name,
        type,
        enterpriseId,
        outletId,
        deviceId,
        factor,
        dataKind,
        threshold,
        countOrMinutes,
        severity,
        on);
  }

  /** Whether the rule covers every source (no enterprise, outlet or device given). */
  public boolean global() {
    return enterpriseId.isEmpty() && outletId.isEmpty() && deviceId.isEmpty();
  }
}
