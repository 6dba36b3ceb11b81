package org.qingshan.hj212.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.qingshan.hj212.codec.DeviceKeys;

/**
 * Settings of the gateway. Defaults suit a county: port 9212, 10 000 connections (below the common
 * open-file limit of 20 000), 200 from one address, 10 minutes idle timeout (devices without
 * heartbeat send at least every few minutes), 20 packets/s per connection and per device with a
 * burst of 200 for reconnect backlogs.
 *
 * <p>Password guessing: 10 wrong passwords for one MN, or 30 failed logins (wrong password or
 * unknown MN) from one address, within 10 minutes lock that MN or address for 15 minutes; each
 * failure also pauses its connection for a second. A device keeps a connection it logged in on, and
 * an MN logging in from an address it logged in from before is not held by a lock.
 *
 * <p>Junk: a connection is closed after 64 invalid frames in a row, or when it has sent only
 * invalid frames for 30 s, or when a frame it started has not ended 30 s later (one byte every few
 * seconds keeps no connection open).
 */
public record GatewayConfig(
    String host,
    int port,
    int maxConnections,
    Duration idleTimeout,
    double connectionRate,
    int connectionBurst,
    double deviceRate,
    int deviceBurst,
    int maxPendingPerConnection,
    int maxPendingTotal,
    int maxSegmentLength,
    Duration splitTimeout,
    int ioThreads,
    int maxConnectionsPerAddress,
    int loginFailuresPerDevice,
    int loginFailuresPerAddress,
    Duration loginFailureWindow,
    Duration loginLockDuration,
    Duration loginFailureDelay,
    int maxInvalidFrames,
    Duration junkTimeout,
    Duration frameTimeout,
    Optional<Tls> tls,
    DeviceKeys deviceKeys) {

  /**
   * TLS on the gateway port: a PEM certificate chain and its PEM private key (PKCS#8, {@code BEGIN
   * PRIVATE KEY}, as {@code openssl genpkey} and certbot write it).
   */
  public record Tls(Path certificate, Path privateKey) {}

  /** The documented default TCP port. */
  public static final int DEFAULT_PORT = 9212;

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.maxConnections = maxConnections;
    b.idleTimeout = idleTimeout;
    b.connectionRate = connectionRate;
    b.connectionBurst = connectionBurst;
    b.deviceRate = deviceRate;
    b.deviceBurst = deviceBurst;
    b.maxPendingPerConnection = maxPendingPerConnection;
    b.maxPendingTotal = maxPendingTotal;
    b.maxSegmentLength = maxSegmentLength;
    b.splitTimeout = splitTimeout;
    b.ioThreads = ioThreads;
    b.maxConnectionsPerAddress = maxConnectionsPerAddress;
    b.loginFailuresPerDevice = loginFailuresPerDevice;
    b.loginFailuresPerAddress = loginFailuresPerAddress;
    b.loginFailureWindow = loginFailureWindow;
    b.loginLockDuration = loginLockDuration;
    b.loginFailureDelay = loginFailureDelay;
    b.maxInvalidFrames = maxInvalidFrames;
    b.junkTimeout = junkTimeout;
    b.frameTimeout = frameTimeout;
    b.tls = tls;
    b.deviceKeys = deviceKeys;
    return b;
  }

  /** Builder with the defaults above. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private int maxConnections = 10_000;
    private Duration idleTimeout = Duration.ofMinutes(10);
    private double connectionRate = 20;
    private int connectionBurst = 200;
    private double deviceRate = 20;
    private int deviceBurst = 200;
    private int maxPendingPerConnection = 64;
    private int maxPendingTotal = 50_000;
    private int maxSegmentLength = 9999;
    private Duration splitTimeout = Duration.ofMinutes(2);
    private int ioThreads = 0;
    private int maxConnectionsPerAddress = 200;
    private int loginFailuresPerDevice = 10;
    private int loginFailuresPerAddress = 30;
    private Duration loginFailureWindow = Duration.ofMinutes(10);
    private Duration loginLockDuration = Duration.ofMinutes(15);
    private Duration loginFailureDelay = Duration.ofSeconds(1);
    private int maxInvalidFrames = 64;
    private Duration junkTimeout = Duration.ofSeconds(30);
    private Duration frameTimeout = Duration.ofSeconds(30);
    private Optional<Tls> tls = Optional.empty();
    private DeviceKeys deviceKeys = DeviceKeys.none();

    private Builder() {}

    public Builder host(String v) {
      host = v;
      return this;
    }

    /** TCP port; 0 picks a free one (see {@link Hj212Gateway#port()}). */
    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder maxConnections(int v) {
      maxConnections = v;
      return this;
    }

    public Builder idleTimeout(Duration v) {
      idleTimeout = v;
      return this;
    }

    /** Packets per second per connection, and the burst allowed above it. */
    public Builder connectionRate(double rate, int burst) {
      connectionRate = rate;
      connectionBurst = burst;
      return this;
    }

    /** Packets per second per device (MN, over all its connections), and the burst. */
    public Builder deviceRate(double rate, int burst) {
      deviceRate = rate;
      deviceBurst = burst;
      return this;
    }

    /** Packets waiting for the store before reading pauses: per connection and in total. */
    public Builder maxPending(int perConnection, int total) {
      maxPendingPerConnection = perConnection;
      maxPendingTotal = total;
      return this;
    }

    public Builder maxSegmentLength(int v) {
      maxSegmentLength = v;
      return this;
    }

    public Builder splitTimeout(Duration v) {
      splitTimeout = v;
      return this;
    }

    /** Network threads; 0 means Netty's default (twice the processors). */
    public Builder ioThreads(int v) {
      ioThreads = v;
      return this;
    }

    /** Connections from one IP address at once; more are refused. */
    public Builder maxConnectionsPerAddress(int v) {
      maxConnectionsPerAddress = v;
      return this;
    }

    /**
     * Failed logins that lock an MN ({@code perDevice}, wrong passwords) or an address ({@code
     * perAddress}, wrong passwords and unknown MNs) when they fall within {@code window}; the lock
     * lasts {@code lockDuration}.
     */
    public Builder loginLock(
        int perDevice, int perAddress, Duration window, Duration lockDuration) {
      loginFailuresPerDevice = perDevice;
      loginFailuresPerAddress = perAddress;
      loginFailureWindow = window;
      loginLockDuration = lockDuration;
      return this;
    }

    /** How long a connection is not read after a failed login (0: not at all). */
    public Builder loginFailureDelay(Duration v) {
      loginFailureDelay = v;
      return this;
    }

    /**
     * A connection is closed after {@code maxFrames} invalid frames in a row, or once it has sent
     * only invalid frames for {@code timeout}.
     */
    public Builder junkLimit(int maxFrames, Duration timeout) {
      maxInvalidFrames = maxFrames;
      junkTimeout = timeout;
      return this;
    }

    /** A frame begun must end within this time, or the connection is closed. */
    public Builder frameTimeout(Duration v) {
      frameTimeout = v;
      return this;
    }

    /** Serve TLS only on the port, with this certificate; plain TCP when never called. */
    public Builder tls(Path certificate, Path privateKey) {
      tls = Optional.of(new Tls(certificate, privateKey));
      return this;
    }

    /**
     * Each device's SM4 key (HJ 212-2025): packets from a device with a key are decrypted, and what
     * the gateway sends it is encrypted where the standard says so (CN 2000..2999, 1014, 3020).
     * None by default.
     */
    public Builder deviceKeys(DeviceKeys keys) {
      deviceKeys = Objects.requireNonNull(keys);
      return this;
    }

    public GatewayConfig build() {
      if (maxConnections < 1
          || maxPendingPerConnection < 1
          || maxPendingTotal < 1
          || maxConnectionsPerAddress < 1
          || loginFailuresPerDevice < 1
          || loginFailuresPerAddress < 1
          || maxInvalidFrames < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
      if (connectionRate <= 0 || deviceRate <= 0 || connectionBurst < 1 || deviceBurst < 1) {
        throw new IllegalArgumentException("rates and bursts must be positive");
      }
      return new GatewayConfig(
          host,
          port,
          maxConnections,
          idleTimeout,
          connectionRate,
          connectionBurst,
          deviceRate,
          deviceBurst,
          maxPendingPerConnection,
          maxPendingTotal,
          maxSegmentLength,
          splitTimeout,
          ioThreads,
          maxConnectionsPerAddress,
          loginFailuresPerDevice,
          loginFailuresPerAddress,
          loginFailureWindow,
          loginLockDuration,
          loginFailureDelay,
          maxInvalidFrames,
          junkTimeout,
          frameTimeout,
          tls,
          deviceKeys);
    }
  }
}
