package org.qingshan.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.gateway.GatewayListener;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the gateway tells the operator: logs and metrics, and refused devices recorded for an admin.
 * Recording happens off the network threads, on a bounded queue, so a flood of unknown devices can
 * cost at most dropped records, never a stalled gateway.
 */
@Component
class GatewayEvents implements GatewayListener {
  private static final Logger log = LoggerFactory.getLogger(GatewayEvents.class);
  private final RefusedDevices unknown;
  private final MeterRegistry meters;
  private final ThreadPoolExecutor recorder;

  GatewayEvents(RefusedDevices unknown, MeterRegistry meters) {
    this.unknown = unknown;
    this.recorder =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            r -> {
              Thread t = new Thread(r, "qingshan-unknown-devices");
              t.setDaemon(true);
              return t;
            },
            (r, pool) -> unknown.dropped());
    this.meters = meters;
  }

  @Override
  public void rejected(String remoteAddress, Packet packet, AuthResult result) {
    meters.counter("qingshan.hj212.rejected", "reason", result.name()).increment();
    if (firstInAMinute(packet.mn())) {
      log.warn("refused packets of MN {} from {}: {}", packet.mn(), remoteAddress, result);
    }
    String raw = RawText.of(packet.rawBytes());
    recorder.execute(
        () -> {
          try {
            unknown.record(packet.mn(), packet.st(), result, remoteAddress, raw);
          } catch (RuntimeException e) {
            log.warn(
                "could not record refused device {}: {}", LogText.of(packet.mn()), e.toString());
          }
        });
  }

  @Override
  public void invalid(long connectionId, String remoteAddress, DecodeError error) {
    meters.counter("qingshan.hj212.invalid", "reason", error.kind().name()).increment();
    log.info("invalid packet from {}: {}", remoteAddress, error);
  }

  @Override
  public void storeFailed(ReceivedPacket packet, Optional<Throwable> cause) {
    log.warn("packet of MN {} not stored; the device will resend it", packet.packet().mn());
  }

  @Override
  public void refused(String remoteAddress) {
    meters.counter("qingshan.hj212.refused-connections").increment();
    log.warn("connection from {} refused: too many connections", remoteAddress);
  }

  private final java.util.Map<String, Long> lastLogged =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** One log line a minute per MN: a misconfigured device sends every few seconds, forever. */
  private boolean firstInAMinute(String mn) {
    long now = System.nanoTime();
    if (lastLogged.size() > 10_000) {
      lastLogged.clear();
    }
    Long last = lastLogged.get(mn);
    if (last != null && now - last < java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
      return false;
    }
    lastLogged.put(mn, now);
    return true;
  }

  void close() {
    recorder.shutdown();
  }
}
