package org.qingshan.server.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down with growing waits, counted three ways, without a lock an outsider
 * could use against a real user:
 *
 * <ul>
 *   <li>a user name at one address: after {@code freeFailures} failures each further attempt waits
 *       2, 4, 8 … seconds after the last failure, up to {@code maxDelay};
 *   <li>an address, whatever the names: likewise after {@code addressFactor} times as many;
 *   <li>a user name from anywhere (guessing from many addresses): likewise, but never longer than
 *       {@code nameMaxDelay}, and not at all at an address the user logged in from before.
 * </ul>
 *
 * So an attacker at one address gets a handful of guesses an hour; many addresses together get two
 * a minute for one name; and the real user, at their usual address, is not held up by anyone else's
 * failures, and at a new one waits at most {@code nameMaxDelay}. A wait is checked before the
 * password is, so a guess during it learns nothing. An IPv6 address counts by its /64 network,
 * which one subscriber usually holds whole.
 */
@Component
public class LoginThrottle {
  /** Past this many names and addresses tracked, old entries are swept so memory stays bounded. */
  private static final int SWEEP_ABOVE = 10_000;

  /** Addresses remembered per user name as ones the user logged in from. */
  private static final int KNOWN_ADDRESSES = 5;

  private final LoginSettings config;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** Failures of one key, forgotten together once none came for a window. */
  private record Failures(int count, Instant last) {}

  private final Map<String, List<String>> knownAddresses = new ConcurrentHashMap<>();
  private final Counter failureCounter;
  private final Counter throttledCounter;

  @Autowired
  LoginThrottle(LoginSettings settings, MeterRegistry meters) {
    this(settings, Clock.systemUTC(), meters);
  }

  LoginThrottle(LoginSettings config, Clock clock, MeterRegistry meters) {
    this.config = config;
    this.clock = clock;
    this.failureCounter = meters.counter("qingshan.login.failures");
    this.throttledCounter = meters.counter("qingshan.login.throttled");
  }

  /** How long this name at this address must still wait before its next attempt is checked. */
  public Optional<Duration> waitBefore(String username, String address) {
    String name = name(username);
    String network = network(address);
    Instant now = clock.instant();
    Instant allowed =
        latest(
            allowedFrom("p:" + name + "@" + network, config.freeFailures(), config.maxDelay()),
            allowedFrom(
                "a:" + network, config.freeFailures() * config.addressFactor(), config.maxDelay()));
    if (!isKnown(name, network)) {
      allowed =
          latest(allowed, allowedFrom("u:" + name, config.freeFailures(), config.nameMaxDelay()));
    }
    return allowed.isAfter(now) ? Optional.of(Duration.between(now, allowed)) : Optional.empty();
  }

  /** Counts an attempt turned away while it had to wait. */
  public void recordThrottled() {
    throttledCounter.increment();
  }

  public void recordFailure(String username, String address) {
    failureCounter.increment();
    String name = name(username);
    String network = network(address);
    add("p:" + name + "@" + network);
    add("a:" + network);
    add("u:" + name);
  }

  /**
   * A right password: this name at this address starts afresh, and the address is remembered as the
   * user's. The name's failures from elsewhere and the address's with other names stay: a success
   * of the attacker's own account must not reset its waits.
   */
  public void recordSuccess(String username, String address) {
    String name = name(username);
    String network = network(address);
    failures.remove("p:" + name + "@" + network);
    knownAddresses.compute(
        name,
        (k, list) -> {
          List<String> l = new ArrayList<>(list == null ? List.of() : list);
          l.remove(network);
          l.add(0, network);
          return List.copyOf(l.subList(0, Math.min(l.size(), KNOWN_ADDRESSES)));
        });
  }

  private boolean isKnown(String name, String network) {
    return knownAddresses.getOrDefault(name, List.of()).contains(network);
  }

  /** When the next attempt may come: 2^k seconds after the last failure, k failures over free. */
  private Instant allowedFrom(String key, int free, Duration cap) {
    Failures f = failures.computeIfPresent(key, (k, v) -> forgotten(v) ? null : v);
    if (f == null || f.count() < free) {
      return Instant.EPOCH;
    }
    int k = f.count() - free + 1;
    Duration delay = k >= 40 ? cap : Duration.ofSeconds(1L << k);
    return f.last().plus(delay.compareTo(cap) > 0 ? cap : delay);
  }

  private boolean forgotten(Failures f) {
    return f.last().isBefore(clock.instant().minus(config.window()));
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String name(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  /** An IPv4 address as it is; an IPv6 address by its /64 network. */
  static String network(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address == null ? "" : address;
    }
    try {
      byte[] b = InetAddress.getByName(address).getAddress();
      if (b.length != 16) {
        return address;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        sb.append(String.format("%02x%02x:", b[i], b[i + 1]));
      }
      return sb.append(":/64").toString();
    } catch (UnknownHostException notAnAddress) {
      // A literal from the container is always an address; anything else counts as itself.
      return address;
    }
  }

  private void add(String key) {
    if (failures.size() > SWEEP_ABOVE) {
      failures.values().removeIf(this::forgotten);
    }
    failures.compute(
        key,
        (k, f) -> new Failures(f == null || forgotten(f) ? 1 : f.count() + 1, clock.instant()));
  }
}
