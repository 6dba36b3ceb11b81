package org.qingshan.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one data packet costs the embedded H2 store, by the key of its table: the packet row of
 * {@code data_packet} (as the server writes it: readings and raw text as bytes, the server's
 * database settings with every commit written before it returns), 5,000 devices taking turns, a
 * commit every 250 rows (5 ms of 50,000 packets/s). One operation is one row.
 *
 * <ul>
 *   <li>{@code device-first}: the server's key (device, CN, DataTime), by which a device's pages
 *       read and a resent packet is known; every commit changes a page per device it holds.
 *   <li>{@code time-first}: (DataTime, device, CN), new rows at the end of the index; a device's
 *       page would have to read every device's packets of its time range.
 *   <li>{@code none}: no index at all, the floor of H2 itself.
 * </ul>
 *
 * <pre>
 * java -jar qingshan-bench/target/benchmarks.jar store.PacketRowBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseZGC"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class PacketRowBenchmark {
  static final int DEVICES = 5_000;
  static final int ROWS_PER_COMMIT = 250;

  @Param({"device-first", "time-first", "none"})
  public String key;

  private Path folder;
  private Connection connection;
  private PreparedStatement insert;
  private final byte[] readings = new byte[110];
  private final byte[] raw = new byte[420];
  private final LocalDateTime firstTime = LocalDateTime.of(2026, 1, 1, 0, 0);
  private long row;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    folder = Files.createTempDirectory("qingshan-row-bench");
    connection =
        DriverManager.getConnection(
            "jdbc:h2:file:"
                + folder.resolve("bench")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;CACHE_SIZE=131072;WRITE_DELAY=0",
            "sa",
            "");
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE data_packet (device_id BIGINT NOT NULL, cn VARCHAR(8) NOT NULL,"
              + " data_time TIMESTAMP NOT NULL, qn VARCHAR(32),"
              + " received_at TIMESTAMP WITH TIME ZONE NOT NULL, remote_addr VARCHAR(64),"
              + " readings BYTEA, raw BYTEA"
              + primaryKey()
              + ")");
    }
    connection.setAutoCommit(false);
    insert =
        connection.prepareStatement(
            "INSERT INTO data_packet (device_id, cn, data_time, qn, received_at, remote_addr,"
                + " readings, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    SplittableRandom random = new SplittableRandom(212);
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (0x20 + random.nextInt(0x5f));
    }
    for (int i = 0; i < readings.length; i++) {
      readings[i] = (byte) random.nextInt(256);
    }
  }

  private String primaryKey() {
    return switch (key) {
      case "device-first" -> ", CONSTRAINT data_packet_pk PRIMARY KEY (device_id, cn, data_time)";
      case "time-first" -> ", CONSTRAINT data_packet_pk PRIMARY KEY (data_time, device_id, cn)";
      case "none" -> "";
      default -> throw new IllegalArgumentException("key: device-first, time-first or none");
    };
  }

  @Benchmark
  @OperationsPerInvocation(ROWS_PER_COMMIT)
  public void commitOfPackets() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < ROWS_PER_COMMIT; i++, row++) {
      // Each device sends one packet in turn, ten a second of DataTime.
      long device = row % DEVICES;
      long tenths = row / DEVICES;
      insert.setLong(1, device + 1);
      insert.setString(2, "2011");
      insert.setTimestamp(3, Timestamp.valueOf(firstTime.plusNanos(tenths * 100_000_000L)));
      insert.setString(4, "20260101000000" + (row % 1000));
      insert.setObject(5, now);
      insert.setString(6, "127.0.0.1:40000");
      insert.setBytes(7, readings);
      insert.setBytes(8, raw);
      insert.addBatch();
    }
    insert.executeBatch();
    connection.commit();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException, SQLException {
    insert.close();
    connection.close();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
