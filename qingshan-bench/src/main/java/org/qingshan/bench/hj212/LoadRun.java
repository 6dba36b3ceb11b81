package org.qingshan.bench.hj212;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One timed run: every millisecond, on the connections' event loop, the packets that are due are
 * written (round robin over the connections) and flushed once per connection. Sending from the
 * event loop itself spares a thread hand-off and a selector wake-up per packet.
 */
final class LoadRun {
  /** A packet not answered within this time counts as not answered. */
  static final long ANSWER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final int rate;
  private final int seconds;
  private final List<Channel> channels;
  private final List<LoadConnection> connections;
  private final LoadCounters counters;
  private final LoadPackets packets;
  private final byte[][] mns;
  private final boolean[] toFlush;
  private final int[] flushList;
  private int flushCount;
  private final Histogram latency = new Histogram(3);
  private long start;
  private long sent;
  private long lastExpiry;
  private volatile long sendingEnded;
  private volatile boolean allSent;

  LoadRun(
      int rate,
      int seconds,
      List<Channel> channels,
      List<LoadConnection> connections,
      LoadCounters counters,
      LocalDateTime dataTimeBase,
      LoadPackets.Format format) {
    this.rate = rate;
    this.seconds = seconds;
    this.channels = channels;
    this.connections = connections;
    this.counters = counters;
    this.packets =
        new LoadPackets(
            LocalDateTime.now().withNano(0), dataTimeBase, format.hj2122025(), format.key());
    this.mns = new byte[channels.size()][];
    for (int i = 0; i < mns.length; i++) {
      mns[i] = LoadPackets.ascii(String.format("LOADTEST%016X", i));
    }
    this.toFlush = new boolean[channels.size()];
    this.flushList = new int[channels.size()];
  }

  LoadCounters counters() {
    return counters;
  }

  /** Answer latencies counted (microseconds). */
  Histogram latency() {
    return latency;
  }

  double sendingSeconds() {
    return (sendingEnded - start) / 1e9;
  }

  /** From the first packet to the last answer (or the end of sending, if later). */
  double answeringSeconds() {
    return (Math.max(sendingEnded, counters.lastAnswerNanos) - start) / 1e9;
  }

  private long total() {
    return (long) rate * seconds;
  }

  /**
   * Sends for the run's duration (longer only if the gateway falls behind, then stops), waits for
   * the last answers, and prints progress every 5 s. Latencies of the first quarter (at most 5 s)
   * are left out when {@code skipFirstQuarter}.
   */
  boolean drive(EventLoop loop, boolean skipFirstQuarter, PrintStream out)
      throws InterruptedException {
    start = System.nanoTime();
    lastExpiry = start;
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long warmupEnd =
        skipFirstQuarter ? start + TimeUnit.SECONDS.toNanos(Math.min(5, seconds / 4)) : start;
    boolean warm = warmupEnd == start;
    CountDownLatch done = new CountDownLatch(1);
    ScheduledFuture<?> ticker =
        loop.scheduleAtFixedRate(
            () -> {
              if (tick() || System.nanoTime() > end + TimeUnit.SECONDS.toNanos(5)) {
                done.countDown();
              }
            },
            0,
            1,
            TimeUnit.MILLISECONDS);
    long lastReport = start;
    while (!done.await(100, TimeUnit.MILLISECONDS)) {
      long now = System.nanoTime();
      if (!warm && now >= warmupEnd) {
        counters.latencyMicros.getIntervalHistogram(); // JIT and connection start not counted
        warm = true;
      }
      if (now - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
        Histogram h = counters.latencyMicros.getIntervalHistogram();
        if (warm) {
          latency.add(h);
        }
        out.printf(
            Locale.ROOT,
            "  %3.0f s: sent %d, answered %d, p99 %.1f ms%n",
            (now - start) / 1e9,
            counters.sent.sum(),
            counters.answered.sum(),
            h.getValueAtPercentile(99) / 1000.0);
        lastReport = now;
      }
    }
    ticker.cancel(false);
    sendingEnded = System.nanoTime();
    long waitUntil = sendingEnded + TimeUnit.SECONDS.toNanos(12);
    while (counters.inFlight() > 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(10);
    }
    // What is still unanswered is not answered; late answers must not count in the next run.
    loop.submit(
            () -> {
              for (LoadConnection c : connections) {
                c.expire(System.nanoTime(), 0);
              }
            })
        .awaitUninterruptibly();
    latency.add(counters.latencyMicros.getIntervalHistogram());
    return allSent;
  }

  /** Sends what is due; true when every packet of the run was sent. */
  private boolean tick() {
    long now = System.nanoTime();
    double nanosPerPacket = 1e9 / rate;
    long due = Math.min(total(), (long) ((now - start) / nanosPerPacket) + 1);
    int n = channels.size();
    while (sent < due && counters.inFlight() < LoadGenerator.MAX_IN_FLIGHT) {
      int c = (int) (sent % n);
      LoadConnection connection = connections.get(c);
      // A poisoning device's packets are counted apart: the run is about the others' answers.
      LoadCounters counted = connection.poisoning() ? connection.counters() : counters;
      counted.sent.increment();
      if (connection.isClosed()) {
        counted.noAnswer();
      } else {
        byte[] bytes;
        String qn;
        if (connection.poisoning()) {
          bytes = packets.poison(mns[c], sent, sent / n);
          qn = LoadPackets.qnOf(bytes);
        } else {
          bytes = packets.packet(mns[c], sent, sent / n);
          qn = new String(bytes, LoadPackets.QN_OFFSET, 17, StandardCharsets.US_ASCII);
        }
        connection.sent(qn, start + (long) (sent * nanosPerPacket));
        channels.get(c).write(Unpooled.wrappedBuffer(bytes), channels.get(c).voidPromise());
        if (!toFlush[c]) {
          toFlush[c] = true;
          flushList[flushCount++] = c;
        }
      }
      sent++;
    }
    for (int i = 0; i < flushCount; i++) {
      channels.get(flushList[i]).flush();
      toFlush[flushList[i]] = false;
    }
    flushCount = 0;
    if (now - lastExpiry > TimeUnit.SECONDS.toNanos(1)) {
      for (LoadConnection c : connections) {
        c.expire(now, ANSWER_TIMEOUT_NANOS);
      }
      lastExpiry = now;
    }
    allSent = sent == total();
    return allSent;
  }
}
