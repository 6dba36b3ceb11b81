package org.qingshan.server.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Says whether a log line about a key is due: once per interval per key. A misbehaving device
 * repeats itself every few seconds, for ever; its log lines must not. The keys remembered are
 * bounded; past the bound the memory starts again (at worst one more line per key).
 */
final class LogOncePer {
  private static final int REMEMBERED = 10_000;

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

  LogOncePer(Duration interval) {
    this(interval, System::nanoTime);
  }

  LogOncePer(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  boolean due(String key) {
    long now = nanoTime.getAsLong();
    if (lastLogged.size() > REMEMBERED) {
      lastLogged.clear();
    }
    Long last = lastLogged.get(key);
    if (last != null && now - last < intervalNanos) {
      return false;
    }
    lastLogged.put(key, now);
    return true;
  }
}
