package org.qingshan.server.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Counts the unknown tracking numbers each address asks for: past {@code lookupMisses} within
 * {@code lookupWindow} every look-up from it is refused until the window has passed, so that trying
 * numbers gets nowhere (80 bits would take forever anyway); the moment an address is stopped is
 * audited once, with its address. Kept in memory: a restart forgives, which costs nothing here.
 */
@Component
class ReportLookups {
  static final String ENTITY = "public-report";

  /** Beyond this many addresses, expired ones are dropped before a new one is added. */
  private static final int PRUNE_AT = 10_000;

  private final ReportSettings settings;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

  ReportLookups(ReportSettings settings, AuditLog audit, Clock clock) {
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  /** Refuses (429) when the address has missed too often lately. */
  void checkAllowed(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = misses.get(address);
    if (times == null) {
      return;
    }
    synchronized (times) {
      expire(times, now);
      if (times.size() >= settings.lookupMisses()) {
        throw limited(times, now);
      }
    }
  }

  /** Records a miss; the one that reaches the limit is audited. */
  void missed(String address, String typed) {
    Instant now = clock.instant();
    if (misses.size() > PRUNE_AT) {
      misses.entrySet().removeIf(e -> expiredAll(e.getValue(), now));
    }
    Deque<Instant> times = misses.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      expire(times, now);
      times.addLast(now);
      if (times.size() == settings.lookupMisses()) {
        audit.recordFromAddress(
            address,
            AuditAction.SECURITY_ALERT,
            ENTITY,
            null,
            "随手拍查询：未知受理编号过多，暂停查询",
            Optional.of(
                Map.of(
                    "misses", times.size(),
                    "window", settings.lookupWindow().toString(),
                    "last", typed.length() > 40 ? typed.substring(0, 40) : typed)));
      }
    }
  }

  private ReportLimitedException limited(Deque<Instant> times, Instant now) {
    Instant free = times.peekFirst().plus(settings.lookupWindow());
    long minutes = Math.max(1, (free.getEpochSecond() - now.getEpochSecond() + 59) / 60);
    return new ReportLimitedException("report.lookup.limited", minutes);
  }

  private void expire(Deque<Instant> times, Instant now) {
    Instant since = now.minus(settings.lookupWindow());
    while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
      times.removeFirst();
    }
  }

  private boolean expiredAll(Deque<Instant> times, Instant now) {
    synchronized (times) {
      expire(times, now);
      return times.isEmpty();
    }
  }
}
