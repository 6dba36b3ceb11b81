package org.qingshan.server.alarm;

import java.util.Optional;

/**
 * What makes alarms the same: the source (a device, a facility or an enterprise), the factor (or
 * none) and the type. At most one alarm per key is ongoing.
 */
public record AlarmKey(SourceKind source, long sourceId, String factor, AlarmType type) {
  /** An empty factor: the alarm is about the whole source (offline, a facility's state). */
  public static final String NO_FACTOR = "";

  /** What an alarm is about. */
  public enum SourceKind {
    DEVICE,
    FACILITY,
    ENTERPRISE
  }

  public static AlarmKey device(long deviceId, String factor, AlarmType type) {
    return new AlarmKey(SourceKind.DEVICE, deviceId, factor, type);
  }

  public Optional<String> factorIfAny() {
    return factor.isEmpty() ? Optional.empty() : Optional.of(factor);
  }
}
