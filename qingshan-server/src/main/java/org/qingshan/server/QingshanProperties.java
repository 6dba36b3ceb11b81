package org.qingshan.server;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code qingshan.*}; every key is lower-case-with-dashes in configuration.
 *
 * @param demo whether this run is the demo ({@code ./qingshan demo}): seed the demo county
 * @param publicUrl the address printed at start-up for people to open
 * @param login login throttling
 * @param hj212 the HJ 212 gateway and the observation store behind it
 * @param ingest what the store refuses as not real, and the list of refused devices
 * @param upload which pages take files, and how large
 * @param password the bureau's password rules
 */
@ConfigurationProperties("qingshan")
public record QingshanProperties(
    @DefaultValue("false") boolean demo,
    @DefaultValue("") String publicUrl,
    @DefaultValue Login login,
    @DefaultValue Hj212 hj212,
    @DefaultValue Ingest ingest,
    @DefaultValue Upload upload,
    @DefaultValue Password password) {

  /**
   * @param minLength characters at least
   * @param classesRequired of lower-case letters, capitals, digits and other characters (symbols,
   *     汉字), how many kinds a password must mix (1 to 4)
   * @param commonList passwords refused as too common, one a line (a file path, or classpath:)
   */
  public record Password(
      @DefaultValue("8") int minLength,
      @DefaultValue("2") int classesRequired,
      @DefaultValue("classpath:common-passwords.txt") String commonList) {}

  /**
   * File uploads. Only the pages named here take multipart requests; every other request with a
   * multipart body is refused before its body is read, and so is an upload from someone not logged
   * in, unless its page is listed as public.
   *
   * @param planImportMaxSize the largest plan document (the whole request) 规划导入 takes
   * @param publicPaths pages that take uploads without a login (the public report page of a later
   *     issue); none today
   * @param publicMaxSize the largest request such a public page takes
   */
  public record Upload(
      @DefaultValue("20MB") DataSize planImportMaxSize,
      @DefaultValue List<String> publicPaths,
      @DefaultValue("5MB") DataSize publicMaxSize) {}

  /**
   * Login throttling: growing waits instead of a lock, so that nobody can lock a real user out.
   *
   * @param freeFailures failed logins of a user name from one address (and of a user name from
   *     anywhere) before each further attempt must wait: 2 s after the next failure, then 4, 8, …
   * @param addressFactor an address may fail this many times {@code freeFailures} (whatever the
   *     names) before it must wait likewise
   * @param maxDelay the longest wait of a name at one address and of an address
   * @param nameMaxDelay the longest wait the failures of a name from anywhere impose on another
   *     address: short, so an outsider cannot keep a real user out; addresses the user logged in
   *     from before do not wait for it at all
   * @param window the failures of a name or address are forgotten once none came for this long
   */
  public record Login(
      @DefaultValue("5") int freeFailures,
      @DefaultValue("5") int addressFactor,
      @DefaultValue("15m") Duration maxDelay,
      @DefaultValue("30s") Duration nameMaxDelay,
      @DefaultValue("1h") Duration window) {}

  /**
   * @param enabled whether the gateway listens
   * @param host the address it listens on
   * @param port its TCP port (0: any free port, for tests)
   * @param maxConnections connections at once; more are refused. Each takes a file descriptor: keep
   *     it below the process's open-file limit ({@code ulimit -n}, systemd {@code LimitNOFILE=})
   *     with room for the database and logs; the server warns at start when it is not
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
   * @param loginLockDuration how long a lock lasts; a device already connected keeps its
   *     connection, and one reconnecting from the address it last logged in from is let in
   * @param loginFailureDelay how long a connection is not read after a failed login
   * @param maxInvalidFrames invalid frames in a row after which a connection is closed
   * @param junkTimeout a connection that has sent only invalid frames for this long is closed
   * @param frameTimeout a frame begun must end within this time, or the connection is closed
   * @param tls TLS on the gateway port; off unless both files are given
   */
  public record Hj212(
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

  /**
   * Limits of what the store takes as real data. A packet beyond them is answered (the device would
   * otherwise send it again forever) but not stored, and counted by reason.
   *
   * @param maxDataTimeAhead how far a DataTime may be ahead of the centre's clock (device clocks
   *     drift; 校时 corrects them)
   * @param maxDataAge how old a DataTime may be (older data is no supplement a bureau asks for)
   * @param maxValue the largest magnitude of a value; no instrument, flow total or meter reading
   *     comes near it
   * @param unknownDevices refused devices kept in the list at most; beyond it the one that knocked
   *     least and longest ago makes room
   * @param unknownDeviceRetention a refused device not seen for this long leaves the list
   */
  public record Ingest(
      @DefaultValue("1h") Duration maxDataTimeAhead,
      @DefaultValue("1096d") Duration maxDataAge,
      @DefaultValue("1e12") double maxValue,
      @DefaultValue("1000") int unknownDevices,
      @DefaultValue("30d") Duration unknownDeviceRetention) {}
}
