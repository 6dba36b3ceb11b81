package org.qingshan.hj212.gateway;

import java.time.Duration;

/**
 * Settings of the gateway. Defaults suit a county: port 9212, 20 000 connections, 10 minutes idle
 * timeout (devices without heartbeat send at least every few minutes), 20 packets/s per connection
 * and per device with a burst of 200 for reconnect backlogs.
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
    int ioThreads) {

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
    return b;
  }

  /** Builder with the defaults above. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = DEFAULT_PORT;
    private int maxConnections = 20_000;
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

    public GatewayConfig build() {
      if (maxConnections < 1 || maxPendingPerConnection < 1 || maxPendingTotal < 1) {
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
          ioThreads);
    }
  }
}
