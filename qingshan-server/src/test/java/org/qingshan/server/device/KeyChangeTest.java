package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key change state machine and the 90-day rotation, on a clock the test moves. */
class KeyChangeTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

  private Instant later(Duration d) {
    clock = Clock.offset(clock, d);
    return clock.instant();
  }

  @Test
  void acceptedThenExecutedIsConfirmed() {
    KeyChange c = KeyChange.sent("20260301160000000", clock.instant());
    c = c.requestAnswered(true, later(Duration.ofSeconds(2)));
    assertThat(c.state()).isEqualTo(KeyChangeState.ACCEPTED);
    assertThat(c.expiredBy(later(Duration.ofMinutes(1)), TIMEOUT).state())
        .isEqualTo(KeyChangeState.ACCEPTED);
    c = c.executed(true, later(Duration.ofSeconds(5)));
    assertThat(c.state()).isEqualTo(KeyChangeState.CONFIRMED);
    assertThat(c.endedAt()).contains(clock.instant());
  }

  @Test
  void refusedOrFailedChangesAreClosedAndLateAnswersChangeNothing() {
    KeyChange refused =
        KeyChange.sent("q1", clock.instant()).requestAnswered(false, later(Duration.ofSeconds(1)));
    assertThat(refused.state()).isEqualTo(KeyChangeState.REFUSED);
    assertThat(refused.executed(true, later(Duration.ofSeconds(1)))).isEqualTo(refused);

    KeyChange failed =
        KeyChange.sent("q2", clock.instant()).executed(false, later(Duration.ofSeconds(1)));
    assertThat(failed.state()).isEqualTo(KeyChangeState.FAILED);
    assertThat(failed.requestAnswered(true, later(Duration.ofSeconds(1)))).isEqualTo(failed);
  }

  @Test
  void silenceExpiresTheChangeAtItsDeadlineAndAnAnswerAfterwardsIsIgnored() {
    Instant sent = clock.instant();
    KeyChange c = KeyChange.sent("q3", sent);
    assertThat(c.expiredBy(later(TIMEOUT.minusSeconds(1)), TIMEOUT).state())
        .isEqualTo(KeyChangeState.PENDING);
    KeyChange expired = c.expiredBy(later(Duration.ofHours(3)), TIMEOUT);
    assertThat(expired.state()).isEqualTo(KeyChangeState.EXPIRED);
    assertThat(expired.endedAt()).contains(sent.plus(TIMEOUT));
    assertThat(expired.executed(true, later(Duration.ofSeconds(1)))).isEqualTo(expired);
  }

  @Test
  void aChangeThatCouldNotBeSentSaysSo() {
    KeyChange c = KeyChange.sent("q4", clock.instant()).notSent(clock.instant());
    assertThat(c.state()).isEqualTo(KeyChangeState.NOT_SENT);
    assertThat(c.state().open()).isFalse();
  }

  @Test
  void rotationIsCurrentThenDueTenDaysAheadThenOverdue() {
    Duration rotation = Duration.ofDays(90);
    Duration warning = Duration.ofDays(10);
    Optional<Instant> setAt = Optional.of(clock.instant());
    assertThat(KeyRotation.of(Optional.empty(), clock.instant(), rotation, warning).state())
        .isEqualTo(KeyRotation.State.NOT_SET);
    assertThat(KeyRotation.of(setAt, later(Duration.ofDays(79)), rotation, warning).state())
        .isEqualTo(KeyRotation.State.CURRENT);
    KeyRotation due = KeyRotation.of(setAt, later(Duration.ofDays(1)), rotation, warning);
    assertThat(due.state()).isEqualTo(KeyRotation.State.DUE);
    assertThat(due.dueAt()).contains(setAt.get().plus(rotation));
    assertThat(KeyRotation.of(setAt, later(Duration.ofDays(10)), rotation, warning).state())
        .isEqualTo(KeyRotation.State.OVERDUE);
  }
}
