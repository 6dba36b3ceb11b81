package org.qingshan.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.TimeFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Events that come in runs (failed and throttled logins, a user pressing on a page they may not
 * open) in the audit log as one row per actor, subject and kind within {@value #WINDOW_MINUTES}
 * minutes, its count and latest time kept up to date: guessing shows as what it is, and does not
 * bury everything else under a row per attempt.
 */
@Component
class RepeatedEvents {
  static final int WINDOW_MINUTES = 15;
  private static final Duration WINDOW = Duration.ofMinutes(WINDOW_MINUTES);

  /** Past this many runs tracked, finished ones are dropped so memory stays bounded. */
  private static final int SWEEP_ABOVE = 10_000;

  private record Key(AuditAction action, String name, String subject) {}

  private static final class Run {
    final long id;
    final Instant start;
    int count = 1;

    Run(long id, Instant start) {
      this.id = id;
      this.start = start;
    }
  }

  private final AuditLog audit;
  private final Messages messages;
  private final TimeFormat times;
  private final Clock clock;
  private final Map<Key, Run> runs = new ConcurrentHashMap<>();

  @Autowired
  RepeatedEvents(AuditLog audit, Messages messages, TimeFormat times) {
    this(audit, messages, times, Clock.systemUTC());
  }

  RepeatedEvents(AuditLog audit, Messages messages, TimeFormat times, Clock clock) {
    this.audit = audit;
    this.messages = messages;
    this.times = times;
    this.clock = clock;
  }

  /**
   * One more event of a run: {@code subject} tells runs of one actor apart (the address a login
   * came from, the page refused), {@code entity} is what the row is about.
   */
  void record(AuditAction action, String actor, String subject, String entity, String summary) {
    String name = actor == null || actor.isBlank() ? "?" : actor.trim();
    Key key = new Key(action, name.length() > 64 ? name.substring(0, 64) : name, subject);
    Instant now = clock.instant();
    if (runs.size() > SWEEP_ABOVE) {
      runs.values().removeIf(r -> r.start.isBefore(now.minus(WINDOW)));
    }
    runs.compute(
        key,
        (k, run) -> {
          if (run == null || run.start.isBefore(now.minus(WINDOW))) {
            return new Run(
                audit.recordRepeated(k.name(), action, entity, summary, state(1, now)), now);
          }
          run.count++;
          audit.updateRepeated(
              run.id,
              messages.get("audit.summary.repeated", summary, run.count, times.seconds(now)),
              state(run.count, now));
          return run;
        });
  }

  private Map<String, Object> state(int count, Instant last) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("attempts", count);
    state.put("lastAttempt", times.seconds(last));
    return state;
  }
}
