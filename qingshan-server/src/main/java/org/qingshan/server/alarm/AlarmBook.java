package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.db.AfterCommit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the evaluator found: a condition seen opens an alarm for its key or keeps the one
 * that lasts up to date; a condition over ends it. Marked data raises nothing. Screens hear of each
 * change after the commit.
 */
@Component
class AlarmBook {
  private final AlarmRepository alarms;
  private final MarkQuery marks;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AlarmBook(
      AlarmRepository alarms,
      MarkQuery marks,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock) {
    this.alarms = alarms;
    this.marks = marks;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  /** Applies findings in one transaction. */
  void apply(List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    transaction.executeWithoutResult(
        tx -> {
          Map<Long, AlarmChanged> changed = new LinkedHashMap<>();
          for (Finding f : findings) {
            applyOne(f, changed);
          }
          List<AlarmChanged> announce = List.copyOf(changed.values());
          AfterCommit.run(() -> announce.forEach(events::publishEvent));
        });
  }

  private void applyOne(Finding f, Map<Long, AlarmChanged> changed) {
    Optional<Alarm> lasting = alarms.ongoing(f.key());
    if (!f.raised()) {
      lasting.ifPresent(
          a -> {
            if (alarms.end(a.id(), f.dataTime())) {
              changed.put(a.id(), new AlarmChanged(a.id(), a.status(), false));
            }
          });
      return;
    }
    if (f.deviceId().isPresent()
        && marks.marked(f.deviceId().get(), f.outletId(), f.key().factorIfAny(), f.dataTime())) {
      return;
    }
    if (lasting.isPresent()) {
      Alarm a = lasting.get();
      if (!f.late() && alarms.seenAgain(a.id(), f.dataTime(), f.value())) {
        changed.putIfAbsent(a.id(), new AlarmChanged(a.id(), a.status(), false));
      }
      return;
    }
    long id = alarms.insert(newAlarm(f));
    changed.put(id, new AlarmChanged(id, AlarmStatus.OPEN, true));
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
