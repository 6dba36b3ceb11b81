package org.qingshan.server.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.gateway.DeviceAuthenticator;
import org.qingshan.hj212.gateway.GatewayConfig;
import org.qingshan.hj212.gateway.GatewayStats;
import org.qingshan.hj212.gateway.Hj212Gateway;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.gateway.StoreResult;
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
  private final ObjectProvider<DeviceKeyLookup> keys;
  private final ObjectProvider<ActivationRequests> activations;
  private final ExecutorService activationRecorder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "qingshan-activations");
            t.setDaemon(true);
            return t;
          });
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
      ObjectProvider<DeviceKeyLookup> keys,
      ObjectProvider<ActivationRequests> activations) {
    this.settings = settings;
    this.ingest = ingest;
    this.registry = registry;
    this.events = events;
    this.meters = meters;
    // looked up when the gateway starts: the features that keep keys also send through it
    this.keys = keys;
    this.activations = activations;
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
            .deviceKeys(deviceKeys());
    GatewaySettings.Tls tls = settings.tls();
    if (tls.enabled()) {
      builder.tls(Path.of(tls.certificate()), Path.of(tls.privateKey()));
    }
    FileLimit.warnIfBelow(settings.maxConnections());
    gateway = Hj212Gateway.start(builder.build(), this::store, new Admission(registry), events);
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
    activationRecorder.shutdown();
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

  private DeviceKeys deviceKeys() {
    DeviceKeyLookup lookup = keys.getIfAvailable(() -> mn -> Optional.empty());
    return mn -> lookup.keyOf(mn).map(Sm4Key::of);
  }

  /**
   * What the gateway receives: a logger's request for an MN (CN=1001 without MN) to the feature
   * that records it, off the network thread; everything else to the ingest queue.
   */
  private CompletionStage<StoreResult> store(ReceivedPacket received) {
    Packet p = received.packet();
    if (!p.mn().isEmpty() || !p.cn().equals(CommandCode.HARDWARE_SERIAL)) {
      return ingest.store(received);
    }
    ActivationRequest request =
        new ActivationRequest(
            p.cp().value("i23005-Info").orElse(""),
            p.cp().value("i23006-Info").orElse(""),
            Stream.of("i23007-Info", "i23008-Info")
                .map(k -> p.cp().value(k))
                .flatMap(Optional::stream)
                .toList(),
            p.st(),
            received.remoteAddress(),
            received.receivedAt());
    return CompletableFuture.supplyAsync(
        () ->
            request.wellFormed() && activations.getIfAvailable(() -> r -> false).requested(request)
                ? StoreResult.STORED
                : StoreResult.REFUSED,
        activationRecorder);
  }

  /**
   * Sends a logger that asked for an MN (CN=1001) its CN=1002, on the connection it asked on; fails
   * when that connection is gone.
   */
  public CompletionStage<Void> sendToActivating(String serial, Packet command) {
    Hj212Gateway g = gateway;
    if (g == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("gateway not running"));
    }
    return g.sendToActivating(serial, command);
  }

  /** Sends a command to an online device; fails when the device is not connected. */
  public CompletionStage<Void> send(String mn, Packet command) {
    Hj212Gateway g = gateway;
    if (g == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("gateway not running"));
    }
    return g.send(mn, command);
  }

  /**
   * The registry's answers, and a well-formed serial of a logger without MN let in to announce
   * itself (CN=1001): the ingest queue hands its fingerprint on, bounded against floods there.
   */
  private final class Admission implements DeviceAuthenticator {
    private final IngestDevices registry;

    Admission(IngestDevices registry) {
      this.registry = registry;
    }

    @Override
    public AuthResult authenticate(String mn, String pw) {
      return registry.authenticate(mn, pw);
    }

    @Override
    public CrcDialect crcDialect(String mn) {
      return registry.crcDialect(mn);
    }

    @Override
    public boolean acceptsActivation(String serial, String address) {
      return serial.matches("[0-9A-Za-z_-]{1,64}");
    }
  }
}
