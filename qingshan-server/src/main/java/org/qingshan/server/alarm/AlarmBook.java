package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.mark.MarksInForce;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the evaluator found: a condition seen opens an alarm for its key or keeps the one
 * that lasts up to date; a condition over ends it. Marked data raises nothing. Screens hear of each
 * change after the commit.
 *
 * <p>A condition that lasts is seen with every packet: the findings of one batch for one key become
 * one update (the newest), and the ids of lasting alarms are remembered, so that a device stuck on
 * a value costs a row update per batch rather than a lookup and an update per packet.
 */
@Component
class AlarmBook {
  private final AlarmRepository alarms;
  private final MarksInForce marks;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AlarmSettings settings;
  private final Map<AlarmKey, Lasting> lasting = new ConcurrentHashMap<>();

  /** A lasting alarm's id and the newest data time written to its row. */
  private record Lasting(long id, LocalDateTime written) {}

  AlarmBook(
      AlarmRepository alarms,
      MarksInForce marks,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      AlarmSettings settings,
      Clock clock) {
    this.settings = settings;
    this.alarms = alarms;
    this.marks = marks;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  /** A key's raised findings of one batch: the first (an alarm starts there) and the newest. */
  private static final class Seen {
    final Finding first;
    Finding newest;

    Seen(Finding first) {
      this.first = first;
      this.newest = first;
    }
  }

  /** Applies findings in one transaction, in order per key. */
  synchronized void apply(List<Finding> findings) {
    if (!anythingToWrite(findings)) {
      return;
    }
    Map<AlarmKey, Lasting> before = new HashMap<>(lasting);
    try {
      transaction.executeWithoutResult(
          tx -> {
            Map<Long, AlarmChanged> changed = new LinkedHashMap<>();
            Map<AlarmKey, Seen> seen = new LinkedHashMap<>();
            for (Finding f : findings) {
              if (f.raised()) {
                if (f.late()) {
                  if (!marked(f)) {
                    raiseLate(f, changed);
                  }
                } else {
                  Seen s = seen.get(f.key());
                  if (s == null) {
                    seen.put(f.key(), new Seen(f));
                  } else if (!f.dataTime().isBefore(s.newest.dataTime())) {
                    s.newest = f;
                  }
                }
              } else {
                Seen s = seen.remove(f.key());
                if (s != null) {
                  raise(s, changed);
                }
                end(f, changed);
              }
            }
            seen.values().forEach(s -> raise(s, changed));
            List<AlarmChanged> announce = List.copyOf(changed.values());
            AfterCommit.run(() -> announce.forEach(events::publishEvent));
          });
    } catch (RuntimeException e) {
      lasting.clear();
      lasting.putAll(before); // the rollback undid what the memory noted
      throw e;
    }
  }

  /** Whether a finding needs the database: not when it only repeats what a row says already. */
  private boolean anythingToWrite(List<Finding> findings) {
    for (Finding f : findings) {
      if (!f.raised() || f.late()) {
        return true;
      }
      Lasting l = lasting.get(f.key());
      if (l == null || !f.dataTime().isBefore(l.written().plus(settings.touchInterval()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a mark in force (filed or accepted) covers the finding's data: then it raises nothing.
   */
  private boolean marked(Finding f) {
    return f.deviceId().isPresent()
        && marks.covers(
            f.outletId().orElse(-1L),
            f.deviceId().get(),
            f.key().factorIfAny().orElse(""),
            f.dataTime());
  }

  private Optional<Lasting> lastingOf(AlarmKey key) {
    Lasting l = lasting.get(key);
    if (l != null) {
      return Optional.of(l);
    }
    Optional<Lasting> found = alarms.ongoing(key).map(a -> new Lasting(a.id(), a.lastSeenAt()));
    found.ifPresent(f -> lasting.put(key, f));
    return found;
  }

  private Optional<Long> lastingId(AlarmKey key) {
    return lastingOf(key).map(Lasting::id);
  }

  /**
   * Marks are read only where a row would be written: a lasting alarm's packets in between cost
   * nothing but a look at memory.
   */
  private void raise(Seen s, Map<Long, AlarmChanged> changed) {
    AlarmKey key = s.first.key();
    Optional<Lasting> known = lastingOf(key);
    if (known.isPresent()) {
      Lasting l = known.get();
      if (s.newest.dataTime().isBefore(l.written().plus(settings.touchInterval()))
          || marked(s.newest)) {
        return; // written a moment ago (in data time), or marked: the row stays as it is
      }
      if (alarms.seenAgain(l.id(), s.newest.dataTime(), s.newest.value())) {
        lasting.put(key, new Lasting(l.id(), s.newest.dataTime()));
        changed.putIfAbsent(l.id(), new AlarmChanged(l.id(), status(l.id()), false));
        return;
      }
      lasting.remove(key); // closed by a person meanwhile: the condition opens anew
    }
    Finding first = s.first;
    if (marked(first)) {
      if (s.newest == first || marked(s.newest)) {
        return; // marked data raises nothing
      }
      first = s.newest;
    }
    long created = alarms.insert(newAlarm(first));
    if (s.newest != first) {
      alarms.seenAgain(created, s.newest.dataTime(), s.newest.value());
    }
    lasting.put(key, new Lasting(created, s.newest.dataTime()));
    changed.put(created, new AlarmChanged(created, AlarmStatus.OPEN, true));
  }

  /** Late data opens an alarm when none lasts, marked found late; it never moves one on. */
  private void raiseLate(Finding f, Map<Long, AlarmChanged> changed) {
    if (lastingId(f.key()).isPresent()) {
      return;
    }
    long created = alarms.insert(newAlarm(f));
    lasting.put(f.key(), new Lasting(created, f.dataTime()));
    changed.put(created, new AlarmChanged(created, AlarmStatus.OPEN, true));
  }

  private void end(Finding f, Map<Long, AlarmChanged> changed) {
    lastingId(f.key())
        .ifPresent(
            id -> {
              lasting.remove(f.key());
              if (alarms.end(id, f.dataTime())) {
                changed.put(id, new AlarmChanged(id, status(id), false));
              }
            });
  }

  private AlarmStatus status(long id) {
    return alarms.find(id).map(Alarm::status).orElse(AlarmStatus.OPEN);
  }

  private Alarm newAlarm(Finding f) {
    return new Alarm(
        0,
        f.key().type(),
        f.rule().severity(),
        AlarmStatus.OPEN,
        f.rule().id() > 0 ? Optional.of(f.rule().id()) : Optional.empty(),
        f.deviceId(),
        f.enterpriseId(),
        f.outletId(),
        f.facilityId(),
        f.key().factorIfAny(),
        f.dataTime(),
        f.dataTime(),
        Optional.empty(),
        f.value(),
        f.limit(),
        f.late(),
        f.message(),
        OffsetDateTime.now(clock),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
