package org.qingshan.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final String ATTACKER = "203.0.113.9";
  private static final String OFFICE = "10.0.0.7";

  private Instant now = Instant.parse("2026-11-22T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginSettings(
              5, 5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1)),
          clock,
          new SimpleMeterRegistry());

  @Test
  void fiveWrongPasswordsFromElsewhereDoNotKeepTheUserOutAtTheirUsualAddress() {
    throttle.recordSuccess("admin", OFFICE);
    for (int i = 0; i < 200; i++) {
      failWhenAllowed("admin", ATTACKER);
    }
    assertThat(throttle.waitBefore("admin", OFFICE)).isEmpty();
    assertThat(throttle.waitBefore("admin", ATTACKER)).isPresent();
  }

  @Test
  void atANewAddressTheUserWaitsNoLongerThanTheNamesShortCap() {
    for (int i = 0; i < 50; i++) {
      // Many addresses, so no address's own waits stop the attack.
      failWhenAllowed("leader", "198.51.100." + i);
    }
    Optional<Duration> wait = throttle.waitBefore("leader", "10.9.9.9");
    assertThat(wait).isPresent();
    assertThat(wait.get()).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void waitsGrowTwofoldAfterTheFreeFailuresUpToTheCap() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("wang", OFFICE);
    }
    assertThat(throttle.waitBefore("wang", OFFICE)).isEmpty();
    throttle.recordFailure("wang", OFFICE);
    assertThat(throttle.waitBefore("wang", OFFICE)).contains(Duration.ofSeconds(2));
    now = now.plusSeconds(2);
    assertThat(throttle.waitBefore("wang", OFFICE)).isEmpty();
    throttle.recordFailure("wang", OFFICE);
    assertThat(throttle.waitBefore("wang", OFFICE)).contains(Duration.ofSeconds(4));
    for (int i = 0; i < 20; i++) {
      failWhenAllowed("wang", OFFICE);
      assertThat(throttle.waitBefore("wang", OFFICE).orElseThrow())
          .isLessThanOrEqualTo(Duration.ofMinutes(15));
    }
  }

  @Test
  void anAttackerAtOneAddressGetsAHandfulOfGuessesAnHour() {
    Instant end = now.plus(Duration.ofDays(1));
    int guesses = 0;
    while (now.isBefore(end)) {
      failWhenAllowed("sun", ATTACKER);
      guesses++;
    }
    // Past the first few, one every 15 minutes: 4 an hour.
    assertThat(guesses).isLessThan(24 * 4 + 20);
  }

  @Test
  void anAddressGuessingManyNamesWaitsToo() {
    for (int i = 0; i < 24; i++) {
      throttle.recordFailure("user" + i, ATTACKER);
    }
    assertThat(throttle.waitBefore("someone-new", ATTACKER)).isEmpty();
    throttle.recordFailure("user24", ATTACKER);
    assertThat(throttle.waitBefore("someone-new", ATTACKER)).isPresent();
    assertThat(throttle.waitBefore("someone-new", OFFICE)).isEmpty();
  }

  @Test
  void aSuccessClearsOnlyTheNameAtThatAddress() {
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure("zhao", OFFICE);
    }
    throttle.recordSuccess("zhao", OFFICE);
    assertThat(throttle.waitBefore("zhao", OFFICE)).isEmpty();
    // An attacker logging into its own account does not reset its address's waits.
    for (int i = 0; i < 25; i++) {
      throttle.recordFailure("victim" + i, ATTACKER);
    }
    throttle.recordSuccess("attackers-own", ATTACKER);
    assertThat(throttle.waitBefore("victim0", ATTACKER)).isPresent();
  }

  @Test
  void failuresAreForgottenAnHourAfterTheLast() {
    for (int i = 0; i < 12; i++) {
      failWhenAllowed("qian", OFFICE);
    }
    assertThat(throttle.waitBefore("qian", OFFICE)).isPresent();
    // Within the hour the count stands: the next failure waits longer still.
    now = now.plus(Duration.ofMinutes(59));
    throttle.recordFailure("qian", OFFICE);
    assertThat(throttle.waitBefore("qian", OFFICE)).contains(Duration.ofSeconds(512));
    // An hour after the last failure it starts afresh.
    now = now.plus(Duration.ofHours(1)).plusSeconds(1);
    assertThat(throttle.waitBefore("qian", OFFICE)).isEmpty();
    throttle.recordFailure("qian", OFFICE);
    assertThat(throttle.waitBefore("qian", OFFICE)).isEmpty();
  }

  @Test
  void anIpv6SubscriberCountsAsItsNetwork() {
    assertThat(LoginThrottle.network("2001:db8:1:2:aaaa::1"))
        .isEqualTo(LoginThrottle.network("2001:db8:1:2:bbbb::9"))
        .isNotEqualTo(LoginThrottle.network("2001:db8:1:3::1"));
    assertThat(LoginThrottle.network("10.0.0.1")).isEqualTo("10.0.0.1");
  }

  /** An attacker that waits as told and tries again: a failure each time it may. */
  private void failWhenAllowed(String name, String address) {
    throttle.waitBefore(name, address).ifPresent(w -> now = now.plus(w));
    throttle.recordFailure(name, address);
  }
}
