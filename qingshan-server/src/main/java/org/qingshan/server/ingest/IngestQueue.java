package org.qingshan.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.gateway.PacketSink;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.gateway.StoreResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process ingest queue between the gateway and the database: packets wait here, writer
 * threads store them in batches, and each packet's stage completes only after its batch committed,
 * so the gateway acknowledges nothing that is not durable. On shutdown the queues are drained.
 *
 * <p>With several writers ({@code qingshan.hj212.writers}) each has its own queue and its own
 * devices (by MN): a device's packets stay in order, and two transactions never insert the same
 * key.
 */
@Component
public class IngestQueue implements PacketSink, SmartLifecycle {
  /** Starts before the gateway and stops after it, so no packet finds the queue closed. */
  public static final int PHASE = Integer.MAX_VALUE - 2000;

  private static final Logger log = LoggerFactory.getLogger(IngestQueue.class);

  private record Pending(ReceivedPacket packet, CompletableFuture<StoreResult> result) {}

  private final ObservationStore store;
  private final ApplicationEventPublisher events;
  private final PacketScreen screen;
  private final RefusalLog refusals;
  private final int batchSize;
  private final long commitDelayNanos;
  private final List<BlockingQueue<Pending>> queues;
  private final Counter stored;
  private final Counter duplicates;
  private final Counter failed;
  private final Timer batchTimer;
  private volatile boolean running;
  private final List<Thread> writers = new ArrayList<>();

  IngestQueue(
      ObservationStore store,
      ApplicationEventPublisher events,
      GatewaySettings settings,
      IngestSettings ingestSettings,
      RefusalLog refusals,
      MeterRegistry meters) {
    this.store = store;
    this.events = events;
    this.screen = new PacketScreen(ingestSettings, ZoneId.of(settings.timeZone()));
    this.refusals = refusals;
    this.batchSize = Math.max(1, settings.batchSize());
    this.commitDelayNanos = Math.max(0, settings.commitDelay().toNanos());
    int writerCount = Math.max(1, settings.writers());
    List<BlockingQueue<Pending>> qs = new ArrayList<>(writerCount);
    for (int i = 0; i < writerCount; i++) {
      // Each queue could take all: the gateway bounds the packets waiting in all of them together.
      qs.add(new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())));
    }
    this.queues = List.copyOf(qs);
    this.stored = meters.counter("qingshan.ingest.packets", "result", "stored");
    this.duplicates = meters.counter("qingshan.ingest.packets", "result", "duplicate");
    this.failed = meters.counter("qingshan.ingest.packets", "result", "failed");
    this.batchTimer = meters.timer("qingshan.ingest.batch");
    meters.gauge("qingshan.ingest.queue", queues, IngestQueue::waiting);
  }

  @Override
  public CompletionStage<StoreResult> store(ReceivedPacket packet) {
    Optional<PacketScreen.Refusal> refusal = screen.check(packet);
    if (refusal.isPresent()) {
      refusals.refused(packet, refusal.get());
      return CompletableFuture.completedFuture(StoreResult.REFUSED);
    }
    CompletableFuture<StoreResult> result = new CompletableFuture<>();
    if (!running || !queueOf(packet).offer(new Pending(packet, result))) {
      failed.increment();
      result.complete(StoreResult.FAILED);
    }
    return result;
  }

  private BlockingQueue<Pending> queueOf(ReceivedPacket packet) {
    return queues.get(Math.floorMod(packet.packet().mn().hashCode(), queues.size()));
  }

  private static double waiting(List<BlockingQueue<Pending>> queues) {
    return queues.stream().mapToInt(BlockingQueue::size).sum();
  }

  @Override
  public void start() {
    running = true;
    for (int i = 0; i < queues.size(); i++) {
      BlockingQueue<Pending> queue = queues.get(i);
      Thread writer =
          new Thread(
              () -> writeLoop(queue),
              queues.size() == 1 ? "qingshan-ingest" : "qingshan-ingest-" + i);
      writer.setDaemon(true);
      writer.start();
      writers.add(writer);
    }
  }

  @Override
  public void stop() {
    running = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try {
      for (Thread writer : writers) {
        writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void writeLoop(BlockingQueue<Pending> queue) {
    List<Pending> batch = new ArrayList<>(batchSize);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        gather(queue, batch);
        writeBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Throwable e) {
        // The writer must outlive any failure: a dead writer would stop all ingest silently.
        log.error(
            "ingest writer failed on a batch of {}; its packets are not acknowledged",
            batch.size(),
            e);
        batch.forEach(p -> p.result().complete(StoreResult.FAILED));
      } finally {
        batch.clear();
      }
    }
    // A packet offered while stopping gets a definite answer: the device will send it again.
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result().complete(StoreResult.FAILED);
    }
    log.info("ingest queue drained and stopped");
  }

  /**
   * Fills a batch: what is waiting, then what arrives within the commit delay of the first packet.
   * Every commit writes the pages it changed; under light load a commit per packet or two would
   * write most pages over and over (and cost far more than the wait), under heavy load the batch is
   * full at once and nothing waits.
   */
  private void gather(BlockingQueue<Pending> queue, List<Pending> batch)
      throws InterruptedException {
    long deadline = System.nanoTime() + commitDelayNanos;
    queue.drainTo(batch, batchSize - batch.size());
    while (batch.size() < batchSize) {
      long left = deadline - System.nanoTime();
      Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, batchSize - batch.size());
    }
  }

  private void writeBatch(List<Pending> batch) {
    List<StoreResult> results = writeIsolating(batch);
    List<ReceivedPacket> newlyStored = new ArrayList<>(batch.size());
    List<ReceivedPacket> resent = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      StoreResult r = results.get(i);
      switch (r) {
        case STORED -> {
          stored.increment();
          newlyStored.add(batch.get(i).packet());
        }
        case DUPLICATE -> {
          duplicates.increment();
          resent.add(batch.get(i).packet());
        }
        case FAILED, REFUSED -> failed.increment();
      }
    }
    announce(new PacketsStored(newlyStored, resent));
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  /**
   * Tells listeners before the devices get their answers: a rule never misses what was answered.
   */
  private void announce(PacketsStored what) {
    if (what.isEmpty()) {
      return;
    }
    try {
      events.publishEvent(what);
    } catch (RuntimeException e) {
      // what is stored stays stored and is answered: a failing listener is its own fault
      log.error("a listener of stored packets failed", e);
    }
  }

  /**
   * Writes a batch; when its transaction fails, writes each half again on its own, down to the one
   * packet that broke it, so that one device's packet never costs other devices their answers. A
   * failing database fails every half too: the packets are then unanswered, and sent again.
   */
  private List<StoreResult> writeIsolating(List<Pending> batch) {
    List<ReceivedPacket> packets = batch.stream().map(Pending::packet).toList();
    try {
      return batchTimer.record(() -> store.write(packets));
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        ReceivedPacket p = packets.get(0);
        log.error(
            "storing a packet of MN {} failed; it is not acknowledged",
            LogText.of(p.packet().mn()),
            e);
        return List.of(StoreResult.FAILED);
      }
      log.warn(
          "storing a batch of {} packets failed ({}); storing its halves apart",
          batch.size(),
          e.getMessage() == null ? e.getClass().getSimpleName() : LogText.of(e.getMessage()));
      int half = batch.size() / 2;
      List<StoreResult> results = new ArrayList<>(batch.size());
      results.addAll(writeIsolating(batch.subList(0, half)));
      results.addAll(writeIsolating(batch.subList(half, batch.size())));
      return results;
    }
  }
}
