package org.qingshan.server.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened to each device since start, for its page: how often, the last kind and when. Kept
 * in memory for a bounded number of devices; past the bound the memory starts again (a flood of
 * made-up MNs must not grow it).
 *
 * @param <K> the kinds counted (a refusal's reason, a security alert's kind)
 */
public final class DeviceTally<K> {
  /** Devices remembered. */
  private static final int REMEMBERED = 10_000;

  /** A device's count since start, the last kind and when. */
  public record Count<K>(long count, K last, Instant lastAt) {}

  private final Map<String, Count<K>> byMn = new ConcurrentHashMap<>();

  void add(String mn, K kind, Instant at) {
    if (byMn.size() > REMEMBERED) {
      byMn.clear();
    }
    byMn.merge(
        mn,
        new Count<>(1, kind, at),
        (old, now) -> new Count<>(old.count() + 1, now.last(), now.lastAt()));
  }

  Optional<Count<K>> of(String mn) {
    return Optional.ofNullable(byMn.get(mn));
  }
}
