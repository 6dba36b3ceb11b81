package org.qingshan.server.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.ToDoubleFunction;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.gateway.GatewayConfig;
import org.qingshan.hj212.gateway.GatewayStats;
import org.qingshan.hj212.gateway.Hj212Gateway;
import org.qingshan.hj212.packet.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HJ 212 gateway as part of the application: listens once the store is ready, and on shutdown
 * stops taking packets first, so that everything acknowledged is stored.
 */
@Component
public class GatewayService implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GatewayService.class);
  private final GatewaySettings settings;
  private final IngestQueue ingest;
  private final IngestDevices registry;
  private final GatewayEvents events;
  private final MeterRegistry meters;
  private final DeviceKeys keys;
  private volatile Hj212Gateway gateway;

  /**
   * {@code keys}: the devices' SM4 keys (HJ 212-2025), from whichever feature keeps them; without
   * one, no device is expected to encrypt.
   */
  GatewayService(
      GatewaySettings settings,
      IngestQueue ingest,
      IngestDevices registry,
      GatewayEvents events,
      MeterRegistry meters,
      ObjectProvider<DeviceKeys> keys) {
    this.settings = settings;
    this.ingest = ingest;
    this.registry = registry;
    this.events = events;
    this.meters = meters;
    this.keys = keys.getIfAvailable(DeviceKeys::none);
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      log.info("HJ 212 gateway disabled (qingshan.hj212.enabled=false)");
      return;
    }
    GatewayConfig.Builder builder =
        GatewayConfig.builder()
            .host(settings.host())
            .port(settings.port())
            .maxConnections(settings.maxConnections())
            .maxConnectionsPerAddress(settings.maxConnectionsPerAddress())
            .idleTimeout(settings.idleTimeout())
            .loginLock(
                settings.loginFailuresPerDevice(),
                settings.loginFailuresPerAddress(),
                settings.loginFailureWindow(),
                settings.loginLockDuration())
            .loginFailureDelay(settings.loginFailureDelay())
            .junkLimit(settings.maxInvalidFrames(), settings.junkTimeout())
            .frameTimeout(settings.frameTimeout())
            .deviceRate(settings.deviceRate(), (int) Math.max(1, settings.deviceRate() * 10))
            // The gateway stops reading before the ingest queue is full, so a slow database
            // slows devices down instead of refusing their data.
            .maxPending(64, Math.max(1, settings.queueCapacity() - 1000))
            .ioThreads(settings.effectiveIoThreads())
            .deviceKeys(keys);
    GatewaySettings.Tls tls = settings.tls();
    if (tls.enabled()) {
      builder.tls(Path.of(tls.certificate()), Path.of(tls.privateKey()));
    }
    FileLimit.warnIfBelow(settings.maxConnections());
    gateway = Hj212Gateway.start(builder.build(), ingest, registry, events);
    registerGauges();
    log.info(
        "HJ 212 gateway listening on {}:{}{}",
        settings.host(),
        gateway.port(),
        tls.enabled() ? " (TLS)" : "");
  }

  private void registerGauges() {
    gauge("qingshan.hj212.connections", GatewayStats::connections);
    gauge("qingshan.hj212.packets", GatewayStats::packets);
    gauge("qingshan.hj212.invalid-packets", GatewayStats::invalid);
    gauge("qingshan.hj212.pending", GatewayStats::pending);
    gauge("qingshan.hj212.backpressure-pauses", GatewayStats::backpressurePauses);
    gauge("qingshan.hj212.locked-out", GatewayStats::lockedOut);
    gauge("qingshan.hj212.junk-closed", GatewayStats::junkClosed);
    gauge("qingshan.hj212.second-connections", GatewayStats::secondConnections);
  }

  private void gauge(String name, ToDoubleFunction<GatewayStats> value) {
    Gauge.builder(name, this, s -> s.stats().map(value::applyAsDouble).orElse(0.0))
        .register(meters);
  }

  @Override
  public void stop() {
    Hj212Gateway g = gateway;
    if (g != null) {
      g.close();
      gateway = null;
      log.info("HJ 212 gateway stopped");
    }
    events.close();
  }

  @Override
  public boolean isRunning() {
    return gateway != null;
  }

  @Override
  public int getPhase() {
    return IngestQueue.PHASE + 1;
  }

  /** The port the gateway listens on, once started. */
  public Optional<Integer> port() {
    return Optional.ofNullable(gateway).map(Hj212Gateway::port);
  }

  public boolean isOnline(String mn) {
    Hj212Gateway g = gateway;
    return g != null && g.isOnline(mn);
  }

  public Optional<GatewayStats> stats() {
    return Optional.ofNullable(gateway).map(Hj212Gateway::stats);
  }

  /** Sends a command to an online device; fails when the device is not connected. */
  public CompletionStage<Void> send(String mn, Packet command) {
    Hj212Gateway g = gateway;
    if (g == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("gateway not running"));
    }
    return g.send(mn, command);
  }
}
