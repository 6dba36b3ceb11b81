package org.qingshan.server.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A key change sent to a device with CN=1014, and how its answers move it on: 9011 accepts or
 * refuses, 9012 confirms or fails, silence expires it. Only an open change moves; a late answer to
 * a closed one changes nothing.
 *
 * @param qn the QN of the 1014 request, which the device's answers carry
 */
public record KeyChange(
    KeyChangeState state, String qn, Instant startedAt, Optional<Instant> endedAt) {

  static KeyChange sent(String qn, Instant at) {
    return new KeyChange(KeyChangeState.PENDING, qn, at, Optional.empty());
  }

  KeyChange notSent(Instant at) {
    return close(KeyChangeState.NOT_SENT, at);
  }

  /** After the device's 9011 (QnRtn) answer. */
  KeyChange requestAnswered(boolean accepted, Instant at) {
    if (state != KeyChangeState.PENDING) {
      return this;
    }
    return accepted
        ? new KeyChange(KeyChangeState.ACCEPTED, qn, startedAt, Optional.empty())
        : close(KeyChangeState.REFUSED, at);
  }

  /** After the device's 9012 (ExeRtn) answer; a 9012 without a 9011 first is taken as well. */
  KeyChange executed(boolean succeeded, Instant at) {
    if (!state.open()) {
      return this;
    }
    return close(succeeded ? KeyChangeState.CONFIRMED : KeyChangeState.FAILED, at);
  }

  /** Expired once {@code timeout} has passed without the device's 9012. */
  KeyChange expiredBy(Instant now, Duration timeout) {
    Instant deadline = startedAt.plus(timeout);
    return state.open() && !now.isBefore(deadline) ? close(KeyChangeState.EXPIRED, deadline) : this;
  }

  private KeyChange close(KeyChangeState closed, Instant at) {
    return new KeyChange(closed, qn, startedAt, Optional.of(at));
  }
}
