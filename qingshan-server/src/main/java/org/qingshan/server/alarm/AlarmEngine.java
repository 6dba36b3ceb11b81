package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.device.FactorNames;
import org.qingshan.server.ingest.IngestDevices;
import org.qingshan.server.ingest.IngestQueue;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.PacketsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands each commit of stored data to one engine thread, off the writer thread, through a bounded
 * queue: ingest never waits for the rules. The thread judges each new data packet by its data time
 * and writes what it found. A full queue drops commits (counted, logged) rather than slow ingest.
 */
@Component
public class AlarmEngine implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(AlarmEngine.class);

  private final AlarmSettings settings;
  private final AlarmCatalog catalog;
  private final AlarmBook book;
  private final AlarmRepository alarms;
  private final IngestDevices devices;
  private final Clock clock;
  private final ZoneId zone;
  private final BlockingQueue<PacketsStored> queue;
  private final Evaluator evaluator;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong judged = new AtomicLong();
  private volatile Thread worker;
  private volatile boolean running;

  AlarmEngine(
      AlarmSettings settings,
      AlarmCatalog catalog,
      AlarmBook book,
      AlarmRepository alarms,
      IngestDevices devices,
      Clock clock,
      ZoneId countyZone,
      FactorNames factorNames) {
    this.settings = settings;
    Map<String, String> labels = new ConcurrentHashMap<>();
    this.evaluator = new Evaluator(code -> labels.computeIfAbsent(code, factorNames::label));
    this.catalog = catalog;
    this.book = book;
    this.alarms = alarms;
    this.devices = devices;
    this.clock = clock;
    this.zone = countyZone;
    this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueSize()));
  }

  @EventListener
  void stored(PacketsStored commit) {
    if (!settings.enabled() || commit.stored().isEmpty()) {
      return;
    }
    if (queue.offer(commit)) {
      offered.incrementAndGet();
    } else {
      long n = dropped.incrementAndGet();
      if (Long.bitCount(n) == 1) { // 1, 2, 4, 8 …: a warning that does not flood the log
        log.warn("Alarm engine behind: {} commits of data not judged so far", n);
      }
    }
  }

  /** Packets judged since start, for tests and the operations page. */
  public long judged() {
    return judged.get();
  }

  /** Whether every commit handed over has been judged and written. */
  public boolean idle() {
    return done.get() == offered.get();
  }

  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong done = new AtomicLong();

  private void run() {
    List<PacketsStored> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        PacketsStored first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 64);
        judge(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Alarm engine failed on a batch of data; it goes on with the next", e);
      } finally {
        done.addAndGet(batch.size());
        batch.clear();
      }
    }
  }

  private void judge(List<PacketsStored> batch) {
    RuleSet set = catalog.current();
    LocalDateTime lateBefore = LocalDateTime.now(clock.withZone(zone)).minus(settings.lateAfter());
    List<Finding> findings = new ArrayList<>();
    for (PacketsStored commit : batch) {
      for (ReceivedPacket received : commit.stored()) {
        Packet p = received.packet();
        Optional<ObservationKind> kind = ObservationKind.ofCn(p.cn());
        Optional<LocalDateTime> time = p.cp().dataTime();
        if (kind.isEmpty() || time.isEmpty()) {
          continue;
        }
        OptionalLong device = devices.idOf(p.mn());
        if (device.isEmpty()) {
          continue;
        }
        boolean late = p.resent() || time.get().isBefore(lateBefore);
        evaluator.packet(
            set, device.getAsLong(), kind.get(), time.get(), p.cp().readings(), late, findings);
        judged.incrementAndGet();
      }
    }
    book.apply(findings);
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    evaluator.seedOngoing(
        alarms.allOngoing().stream().map(AlarmEngine::keyOf).flatMap(Optional::stream).toList());
    running = true;
    Thread t = new Thread(this::run, "alarm-engine");
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  static Optional<AlarmKey> keyOf(Alarm a) {
    String factor = a.factor().orElse(AlarmKey.NO_FACTOR);
    if (a.facilityId().isPresent()) {
      return Optional.of(
          new AlarmKey(AlarmKey.SourceKind.FACILITY, a.facilityId().get(), factor, a.type()));
    }
    if (a.deviceId().isPresent()) {
      return Optional.of(AlarmKey.device(a.deviceId().get(), factor, a.type()));
    }
    return a.enterpriseId()
        .map(e -> new AlarmKey(AlarmKey.SourceKind.ENTERPRISE, e, factor, a.type()));
  }

  /** Stops after ingest has drained (its phase stops later), judging what is queued. */
  @Override
  public void stop() {
    running = false;
    Thread t = worker;
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return IngestQueue.PHASE - 1;
  }
}
