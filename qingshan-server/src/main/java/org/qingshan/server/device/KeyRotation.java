package org.qingshan.server.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a device's key is due for the rotation the standard asks for (HJ 212-2025 §6.4.3: every
 * 90 days).
 *
 * @param dueAt when the key should have been replaced, if one is set
 */
public record KeyRotation(State state, Optional<Instant> dueAt) {
  public enum State {
    NOT_SET,
    CURRENT,
    DUE,
    OVERDUE
  }

  static KeyRotation of(Optional<Instant> setAt, Instant now, Duration rotation, Duration warning) {
    if (setAt.isEmpty()) {
      return new KeyRotation(State.NOT_SET, Optional.empty());
    }
    Instant due = setAt.get().plus(rotation);
    State state =
        !now.isBefore(due)
            ? State.OVERDUE
            : !now.isBefore(due.minus(warning)) ? State.DUE : State.CURRENT;
    return new KeyRotation(state, Optional.of(due));
  }
}
