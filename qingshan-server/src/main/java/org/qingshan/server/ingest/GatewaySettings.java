package org.qingshan.server.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HJ 212 gateway and the store behind it, {@code qingshan.hj212.*}. Its time zone is the
 * county's: every page shows times in it (the {@code ZoneId} bean of {@link CountyTimeZone}).
 *
 * @param enabled whether the gateway listens
 * @param host the address it listens on
 * @param port its TCP port (0: any free port, for tests)
 * @param maxConnections connections at once; more are refused. Each takes a file descriptor: keep
 *     it below the process's open-file limit ({@code ulimit -n}, systemd {@code LimitNOFILE=}) with
 *     room for the database and logs; the server warns at start when it is not
 * @param maxConnectionsPerAddress connections from one IP address at once; more are refused
 *     (devices behind one NAT share an address)
 * @param idleTimeout a connection silent this long is closed
 * @param deviceRate packets per second one MN may send, sustained
 * @param batchSize packets written to the database in one transaction at most
 * @param queueCapacity packets waiting for the database at most; the gateway slows devices down
 *     before this fills
 * @param rawRetention how long raw packets are kept for audit and replay
 * @param timeZone the zone of the protocol's local times
 * @param loginFailuresPerDevice wrong passwords for one MN within {@code loginFailureWindow} that
 *     lock its logins from new addresses
 * @param loginFailuresPerAddress failed logins (wrong password, unknown or blocked MN) from one
 *     address within the window that lock the address's logins
 * @param loginFailureWindow the window failures are counted in
 * @param loginLockDuration how long a lock lasts; a device already connected keeps its connection,
 *     and one reconnecting from the address it last logged in from is let in
 * @param loginFailureDelay how long a connection is not read after a failed login
 * @param maxInvalidFrames invalid frames in a row after which a connection is closed
 * @param junkTimeout a connection that has sent only invalid frames for this long is closed
 * @param frameTimeout a frame begun must end within this time, or the connection is closed
 * @param tls TLS on the gateway port; off unless both files are given
 */
@ConfigurationProperties("qingshan.hj212")
public record GatewaySettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("0.0.0.0") String host,
    @DefaultValue("9212") int port,
    @DefaultValue("10000") int maxConnections,
    @DefaultValue("200") int maxConnectionsPerAddress,
    @DefaultValue("10m") Duration idleTimeout,
    @DefaultValue("20") double deviceRate,
    @DefaultValue("2000") int batchSize,
    @DefaultValue("40000") int queueCapacity,
    @DefaultValue("30d") Duration rawRetention,
    @DefaultValue("Asia/Shanghai") String timeZone,
    @DefaultValue("0") int ioThreads,
    @DefaultValue("1") int writers,
    @DefaultValue("5ms") Duration commitDelay,
    @DefaultValue("10") int loginFailuresPerDevice,
    @DefaultValue("30") int loginFailuresPerAddress,
    @DefaultValue("10m") Duration loginFailureWindow,
    @DefaultValue("15m") Duration loginLockDuration,
    @DefaultValue("1s") Duration loginFailureDelay,
    @DefaultValue("64") int maxInvalidFrames,
    @DefaultValue("30s") Duration junkTimeout,
    @DefaultValue("30s") Duration frameTimeout,
    @DefaultValue Tls tls) {

  /**
   * @param certificate PEM file of the certificate chain (the gateway's certificate first)
   * @param privateKey PEM file of its private key, PKCS#8 ({@code BEGIN PRIVATE KEY}); convert an
   *     older {@code BEGIN RSA PRIVATE KEY} with {@code openssl pkcs8 -topk8 -nocrypt}
   */
  public record Tls(@DefaultValue("") String certificate, @DefaultValue("") String privateKey) {
    public boolean enabled() {
      return !certificate.isBlank() && !privateKey.isBlank();
    }
  }

  /** Threads reading devices: one a core unless configured; more only switch between them. */
  public int effectiveIoThreads() {
    return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
  }
}
