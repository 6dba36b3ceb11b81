package org.qingshan.hj212.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Windows and locks of failed logins, on an injected clock. */
class LoginGuardTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final LoginGuard guard =
      new LoginGuard(
          GatewayConfig.builder()
              .loginLock(3, 5, Duration.ofMinutes(10), Duration.ofMinutes(15))
              .build(),
          now::get);

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void wrongPasswordsWithinTheWindowLockTheMnForTheLockDuration() {
    assertThat(guard.failed("MN1", "10.0.0.9", AuthResult.WRONG_PASSWORD)).isEmpty();
    assertThat(guard.failed("MN1", "10.0.0.8", AuthResult.WRONG_PASSWORD)).isEmpty();
    SecurityEvent e = guard.failed("MN1", "10.0.0.7", AuthResult.WRONG_PASSWORD).orElseThrow();
    assertThat(e.kind()).isEqualTo(SecurityEvent.Kind.DEVICE_LOCKED);
    assertThat(e.failures()).isEqualTo(3);
    assertThat(guard.isLocked("MN1", "10.0.0.1")).isTrue();
    assertThat(guard.isLocked("MN2", "10.0.0.1")).isFalse();
    advance(Duration.ofMinutes(14));
    assertThat(guard.isLocked("MN1", "10.0.0.1")).isTrue();
    advance(Duration.ofMinutes(1));
    assertThat(guard.isLocked("MN1", "10.0.0.1")).isFalse();
  }

  @Test
  void failuresOutsideTheWindowDoNotAddUp() {
    guard.failed("MN1", "10.0.0.9", AuthResult.WRONG_PASSWORD);
    guard.failed("MN1", "10.0.0.9", AuthResult.WRONG_PASSWORD);
    advance(Duration.ofMinutes(11));
    assertThat(guard.failed("MN1", "10.0.0.9", AuthResult.WRONG_PASSWORD)).isEmpty();
    assertThat(guard.isLocked("MN1", "10.0.0.1")).isFalse();
  }

  @Test
  void unknownMnsLockTheAddressOnly() {
    for (int i = 0; i < 4; i++) {
      assertThat(guard.failed("X" + i, "10.0.0.9", AuthResult.UNKNOWN_DEVICE)).isEmpty();
    }
    SecurityEvent e = guard.failed("X4", "10.0.0.9", AuthResult.UNKNOWN_DEVICE).orElseThrow();
    assertThat(e.kind()).isEqualTo(SecurityEvent.Kind.ADDRESS_LOCKED);
    assertThat(guard.isLocked("MN1", "10.0.0.9")).isTrue();
    assertThat(guard.isLocked("MN1", "10.0.0.8")).isFalse();
  }

  @Test
  void theAddressAnMnLoggedInFromIsNotHeldByItsLock() {
    guard.succeeded("MN1", "10.0.0.1");
    for (int i = 0; i < 3; i++) {
      guard.failed("MN1", "10.0.0.9", AuthResult.WRONG_PASSWORD);
    }
    assertThat(guard.isLocked("MN1", "10.0.0.9")).isTrue();
    assertThat(guard.isLocked("MN1", "10.0.0.1")).isFalse();
  }

  @Test
  void guessesFromTheDevicesOwnAddressLockItThereWithoutLockingItElsewhere() {
    // an attacker behind the same NAT as the device
    guard.succeeded("MN1", "10.0.0.1");
    assertThat(guard.failed("MN1", "10.0.0.1", AuthResult.WRONG_PASSWORD)).isEmpty();
    assertThat(guard.failed("MN1", "10.0.0.1", AuthResult.WRONG_PASSWORD)).isEmpty();
    SecurityEvent e = guard.failed("MN1", "10.0.0.1", AuthResult.WRONG_PASSWORD).orElseThrow();
    assertThat(e.kind()).isEqualTo(SecurityEvent.Kind.DEVICE_LOCKED);
    assertThat(guard.isLocked("MN1", "10.0.0.1")).isTrue();
    assertThat(guard.isLocked("MN1", "10.0.0.2")).isFalse();
    // the device logging in from a new address starts that count again
    guard.succeeded("MN1", "10.0.0.2");
    assertThat(guard.isLocked("MN1", "10.0.0.2")).isFalse();
  }
}
