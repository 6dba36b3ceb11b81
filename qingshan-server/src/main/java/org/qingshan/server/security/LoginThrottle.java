package org.qingshan.server.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.QingshanProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per address in a sliding window and locks both once the
 * limit is reached, so that guessing passwords is slow whichever of the two an attacker varies.
 */
@Component
public class LoginThrottle {
  /** An address may fail this many times more than a single user name before it is locked. */
  private static final int ADDRESS_FACTOR = 5;

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Counter failureCounter;
  private final Counter lockedCounter;

  @Autowired
  LoginThrottle(QingshanProperties properties, MeterRegistry meters) {
    this(
        properties.login().maxFailures(),
        properties.login().lockDuration(),
        Clock.systemUTC(),
        meters);
  }

  LoginThrottle(int maxFailures, Duration window, Clock clock, MeterRegistry meters) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
    this.failureCounter = meters.counter("qingshan.login.failures");
    this.lockedCounter = meters.counter("qingshan.login.rejected-locked");
  }

  public boolean isLocked(String username, String address) {
    boolean locked =
        count(userKey(username)) >= maxFailures
            || count(addressKey(address)) >= maxFailures * ADDRESS_FACTOR;
    if (locked) {
      lockedCounter.increment();
    }
    return locked;
  }

  public void recordFailure(String username, String address) {
    failureCounter.increment();
    add(userKey(username));
    add(addressKey(address));
  }

  public void recordSuccess(String username) {
    failures.remove(userKey(username));
  }

  public Duration lockDuration() {
    return window;
  }

  private static String userKey(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return "u:" + (name.length() > 64 ? name.substring(0, 64) : name);
  }

  private static String addressKey(String address) {
    return "a:" + (address == null ? "" : address);
  }

  /** Past this many names and addresses tracked, old entries are swept so memory stays bounded. */
  private static final int SWEEP_ABOVE = 10_000;

  private void add(String key) {
    if (failures.size() > SWEEP_ABOVE) {
      failures.keySet().forEach(this::count);
    }
    failures.compute(
        key,
        (k, times) -> {
          Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
          prune(t);
          t.addLast(clock.instant());
          return t;
        });
  }

  private int count(String key) {
    int[] n = {0};
    failures.computeIfPresent(
        key,
        (k, times) -> {
          prune(times);
          n[0] = times.size();
          return times.isEmpty() ? null : times;
        });
    return n[0];
  }

  private void prune(Deque<Instant> times) {
    Instant cutoff = clock.instant().minus(window);
    while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
      times.removeFirst();
    }
  }
}
