package org.qingshan.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.gateway.GatewayListener;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.qingshan.hj212.packet.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the gateway tells the operator: logs and metrics, refused devices recorded for an admin, and
 * security alerts in the audit log. Recording happens off the network threads, on a bounded queue,
 * so a flood of unknown devices can cost at most dropped records, never a stalled gateway. Log
 * lines are rate-limited per device or address and carry no raw bytes.
 */
@Component
class GatewayEvents implements GatewayListener {
  private static final Logger log = LoggerFactory.getLogger(GatewayEvents.class);
  private final RefusedDevices unknown;
  private final MeterRegistry meters;
  private final ThreadPoolExecutor recorder;
  private final ScheduledExecutorService summaries;
  private final JunkLog junk;
  private final GatewaySecurityLog security;
  private final LogOncePer oncePer = new LogOncePer(Duration.ofMinutes(1));

  GatewayEvents(
      RefusedDevices unknown,
      MeterRegistry meters,
      ApplicationEventPublisher events,
      SecurityAlerts alerts) {
    this.unknown = unknown;
    this.junk = new JunkLog(meters);
    this.security = GatewaySecurityLog.of(events, meters, alerts);
    this.summaries =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "qingshan-gateway-log");
              t.setDaemon(true);
              return t;
            });
    summaries.scheduleAtFixedRate(junk::flush, 1, 1, TimeUnit.MINUTES);
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
    if (oncePer.due("rejected\n" + packet.mn())) {
      log.warn(
          "refused packets of MN {} from {}: {}", LogText.of(packet.mn()), remoteAddress, result);
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
    junk.invalid(remoteAddress, error);
  }

  @Override
  public void junkClosed(long connectionId, String remoteAddress, int invalidFrames) {
    junk.closed(remoteAddress);
  }

  @Override
  public void securityEvent(SecurityEvent event) {
    security.event(event, recorder);
  }

  @Override
  public void lockedOut(String remoteAddress, String mn) {
    meters.counter("qingshan.hj212.locked-out-logins").increment();
  }

  @Override
  public void storeFailed(ReceivedPacket packet, Optional<Throwable> cause) {
    if (oncePer.due("store-failed\n" + packet.packet().mn())) {
      log.warn(
          "packet of MN {} not stored; the device will resend it",
          LogText.of(packet.packet().mn()));
    }
  }

  @Override
  public void refused(String remoteAddress) {
    meters.counter("qingshan.hj212.refused-connections", "reason", "total").increment();
    if (oncePer.due("refused")) {
      log.warn(
          "connection from {} refused: qingshan.hj212.max-connections reached (logged once a"
              + " minute; qingshan.hj212.refused-connections counts all)",
          remoteAddress);
    }
  }

  @Override
  public void refusedForAddress(String remoteAddress) {
    meters.counter("qingshan.hj212.refused-connections", "reason", "address").increment();
    String host = GatewaySecurityLog.hostOf(remoteAddress);
    if (oncePer.due("refused-address\n" + host)) {
      log.warn(
          "connection from {} refused: qingshan.hj212.max-connections-per-address reached"
              + " (logged once a minute per address)",
          remoteAddress);
    }
  }

  /** Logs the junk counted since the last summary (the schedule does it once a minute). */
  void flushSummaries() {
    junk.flush();
  }

  void close() {
    summaries.shutdown();
    junk.flush();
    recorder.shutdown();
  }
}
