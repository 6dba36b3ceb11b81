package org.qingshan.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.qingshan.hj212.codec.DecodeError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invalid frames, counted and summarised: a counter per reason, and at each {@link #flush()} (once
 * a minute) one line per address that sent any, "N invalid frames from X in the last minute, last
 * reason …", with the reason's text escaped and no bytes of the frame. Junk at 300 kB/s thus costs
 * one log line a minute, not one per frame. Addresses beyond the bound are summed in one line.
 */
final class JunkLog {
  /** Addresses summarised one by one per minute; more are summed together. */
  static final int ADDRESSES = 1000;

  private static final Logger log = LoggerFactory.getLogger(JunkLog.class);

  private final MeterRegistry meters;
  private final Map<String, Junk> byAddress = new ConcurrentHashMap<>();
  private final LongAdder otherFrames = new LongAdder();
  private final LongAdder otherClosed = new LongAdder();

  /** One address's junk since the last flush. */
  private static final class Junk {
    final LongAdder frames = new LongAdder();
    final LongAdder closed = new LongAdder();
    volatile DecodeError last;
  }

  JunkLog(MeterRegistry meters) {
    this.meters = meters;
  }

  void invalid(String remoteAddress, DecodeError error) {
    meters.counter("qingshan.hj212.invalid", "reason", error.kind().name()).increment();
    Junk j = junkOf(remoteAddress);
    if (j == null) {
      otherFrames.increment();
      return;
    }
    j.frames.increment();
    j.last = error;
  }

  void closed(String remoteAddress) {
    meters.counter("qingshan.hj212.junk-connections-closed").increment();
    Junk j = junkOf(remoteAddress);
    if (j == null) {
      otherClosed.increment();
      return;
    }
    j.closed.increment();
  }

  private Junk junkOf(String remoteAddress) {
    String host = GatewaySecurityLog.hostOf(remoteAddress);
    Junk j = byAddress.get(host);
    if (j == null && byAddress.size() < ADDRESSES) {
      j = byAddress.computeIfAbsent(host, k -> new Junk());
    }
    return j;
  }

  /** Logs what came since the last flush and starts counting again. */
  void flush() {
    for (String host : byAddress.keySet()) {
      Junk j = byAddress.remove(host);
      if (j == null) {
        continue;
      }
      long frames = j.frames.sum();
      long closed = j.closed.sum();
      DecodeError last = j.last;
      log.warn(
          "{} invalid frames from {} in the last minute{}{}",
          frames,
          LogText.of(host),
          last == null
              ? ""
              : ", last reason " + last.kind().code() + ": " + LogText.of(last.message()),
          closed == 0 ? "" : "; " + closed + " connections closed for sending only junk");
    }
    long frames = otherFrames.sumThenReset();
    long closed = otherClosed.sumThenReset();
    if (frames > 0 || closed > 0) {
      log.warn(
          "{} invalid frames and {} connections closed for junk from more than {} other addresses"
              + " in the last minute",
          frames,
          closed,
          ADDRESSES);
    }
  }
}
