package org.qingshan.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private Instant now = Instant.parse("2026-11-22T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final LoginThrottle throttle =
      new LoginThrottle(3, Duration.ofMinutes(15), clock, new SimpleMeterRegistry());

  @Test
  void locksAUserNameAtTheLimitAndOnlyThatName() {
    throttle.recordFailure("Zhang", "10.0.0.1");
    throttle.recordFailure("zhang", "10.0.0.2");
    assertThat(throttle.isLocked("zhang", "10.0.0.3")).isFalse();
    throttle.recordFailure("zhang ", "10.0.0.3");
    assertThat(throttle.isLocked("ZHANG", "10.0.0.9")).isTrue();
    assertThat(throttle.isLocked("li", "10.0.0.9")).isFalse();
  }

  @Test
  void lockEndsWhenTheFailuresLeaveTheWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("wang", "10.0.0.1");
    }
    now = now.plus(Duration.ofMinutes(14));
    assertThat(throttle.isLocked("wang", "10.0.0.1")).isTrue();
    now = now.plus(Duration.ofMinutes(2));
    assertThat(throttle.isLocked("wang", "10.0.0.1")).isFalse();
  }

  @Test
  void anAddressTryingManyNamesIsLockedToo() {
    for (int i = 0; i < 15; i++) {
      throttle.recordFailure("user" + i, "10.9.9.9");
    }
    assertThat(throttle.isLocked("someone-new", "10.9.9.9")).isTrue();
    assertThat(throttle.isLocked("someone-new", "10.9.9.8")).isFalse();
  }

  @Test
  void successClearsTheUserNamesFailures() {
    throttle.recordFailure("zhao", "10.0.0.1");
    throttle.recordFailure("zhao", "10.0.0.1");
    throttle.recordSuccess("zhao");
    throttle.recordFailure("zhao", "10.0.0.1");
    assertThat(throttle.isLocked("zhao", "10.0.0.1")).isFalse();
  }
}
