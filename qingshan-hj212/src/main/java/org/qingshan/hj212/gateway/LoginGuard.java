package org.qingshan.hj212.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per MN and per address and locks either once too many fall within the
 * window. An MN logging in from the address it last logged in from is not held by those locks: an
 * attacker elsewhere must not keep the real device out when it reconnects. Wrong passwords from
 * that address (an attacker behind the same NAT) are counted apart and, past the same limit, lock
 * the MN there too.
 */
final class LoginGuard {
  /** Entries kept at most per table; past it, those neither locked nor counting go first. */
  private static final int REMEMBERED = 50_000;

  private final int perDevice;
  private final int perAddress;
  private final long windowNanos;
  private final long lockNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Failures> byMn = new HashMap<>();
  private final Map<String, Failures> byAddress = new HashMap<>();
  private final Map<String, Failures> byMnAtGoodAddress = new HashMap<>();
  private final Map<String, String> lastGoodAddress = new HashMap<>();

  /** Failures in the window that began at {@code since}; locked until {@code lockedUntil}. */
  private static final class Failures {
    long since;
    int count;
    long lockedUntil;
    boolean locked;

    boolean isLocked(long now) {
      return locked && now - lockedUntil < 0;
    }

    boolean isStale(long now, long window) {
      return !isLocked(now) && now - since >= window;
    }
  }

  LoginGuard(GatewayConfig config, LongSupplier nanoTime) {
    this.perDevice = config.loginFailuresPerDevice();
    this.perAddress = config.loginFailuresPerAddress();
    this.windowNanos = config.loginFailureWindow().toNanos();
    this.lockNanos = config.loginLockDuration().toNanos();
    this.nanoTime = nanoTime;
  }

  /** Whether a login of {@code mn} from {@code address} must wait for a lock to end. */
  synchronized boolean isLocked(String mn, String address) {
    long now = nanoTime.getAsLong();
    if (address.equals(lastGoodAddress.get(mn))) {
      Failures p = byMnAtGoodAddress.get(mn);
      return p != null && p.isLocked(now);
    }
    Failures m = byMn.get(mn);
    Failures a = byAddress.get(address);
    return (m != null && m.isLocked(now)) || (a != null && a.isLocked(now));
  }

  /** Records a login; the MN's address is trusted from now on. */
  synchronized void succeeded(String mn, String address) {
    if (lastGoodAddress.size() >= REMEMBERED && !lastGoodAddress.containsKey(mn)) {
      lastGoodAddress.clear();
    }
    if (!address.equals(lastGoodAddress.put(mn, address))) {
      byMnAtGoodAddress.remove(mn); // failures counted there were at another address
    }
  }

  /**
   * Records a failed login: a wrong password counts for the MN (apart when from the address it last
   * logged in from) and the address, an unknown or blocked MN for the address only. Returns the
   * lock it started, if any.
   */
  synchronized Optional<SecurityEvent> failed(String mn, String address, AuthResult result) {
    long now = nanoTime.getAsLong();
    if (result == AuthResult.WRONG_PASSWORD) {
      boolean good = address.equals(lastGoodAddress.get(mn));
      Failures f = count(good ? byMnAtGoodAddress : byMn, mn, now);
      if (f.count >= perDevice && !f.isLocked(now)) {
        lock(f, now);
        return Optional.of(
            SecurityEvent.deviceLocked(address, mn, f.count, Duration.ofNanos(lockNanos)));
      }
    }
    Failures f = count(byAddress, address, now);
    if (f.count >= perAddress && !f.isLocked(now)) {
      lock(f, now);
      return Optional.of(
          SecurityEvent.addressLocked(address, f.count, Duration.ofNanos(lockNanos)));
    }
    return Optional.empty();
  }

  private void lock(Failures f, long now) {
    f.locked = true;
    f.lockedUntil = now + lockNanos;
  }

  private Failures count(Map<String, Failures> table, String key, long now) {
    if (table.size() >= REMEMBERED && !table.containsKey(key)) {
      table.values().removeIf(f -> f.isStale(now, windowNanos));
      if (table.size() >= REMEMBERED) {
        table.values().removeIf(f -> !f.isLocked(now));
      }
    }
    Failures f = table.computeIfAbsent(key, k -> new Failures());
    if (f.count == 0 || (now - f.since >= windowNanos && !f.isLocked(now))) {
      f.since = now;
      f.count = 0;
      f.locked = false;
    }
    f.count++;
    return f;
  }
}
