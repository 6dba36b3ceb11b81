package org.qingshan.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.PacketReadings;
import org.qingshan.server.ingest.RawText;
import org.qingshan.server.support.TestEnvironment;

/** An installation with data from before V6 keeps every packet and value, on both databases. */
class RealtimeMigrationTest {
  private static final String SCHEMA = "v6_migration";

  @Test
  void onH2() throws Exception {
    String url = "jdbc:h2:mem:v6-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      migrateWithData(c, Flyway.configure().dataSource(url, "sa", ""));
    }
  }

  @Test
  void onPostgres() throws Exception {
    Connection c;
    try {
      c = DriverManager.getConnection(PostgresTest.URL, PostgresTest.USER, PostgresTest.PASSWORD);
    } catch (SQLException e) {
      c = null;
    }
    TestEnvironment.requireOrSkip(
        "postgres", c != null, "PostgreSQL is not reachable at " + PostgresTest.URL);
    try (Connection pg = c;
        Statement s = pg.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
      s.execute("SET search_path TO " + SCHEMA);
      migrateWithData(
          pg,
          Flyway.configure()
              .dataSource(PostgresTest.URL, PostgresTest.USER, PostgresTest.PASSWORD)
              .schemas(SCHEMA));
      s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
  }

  private static void migrateWithData(Connection c, FluentConfiguration flyway) throws Exception {
    try (Statement s = c.createStatement()) {
      flyway.target("5").load().migrate();
      s.execute(
          "INSERT INTO received_packet (device_id, cn, data_time, qn, received_at, remote_addr,"
              + " raw) VALUES"
              + " (1, '2011', TIMESTAMP '2026-11-01 10:00:00', 'q1', NOW(), '10.0.0.1:5', 'raw1'),"
              + " (1, '2011', TIMESTAMP '2026-11-01 10:00:30', 'q2', NOW(), '10.0.0.1:5', NULL),"
              + " (2, '2061', TIMESTAMP '2026-11-01 10:00:00', 'q3', NOW(), '10.0.0.2:5', '烟气 raw3')");
      s.execute(
          "INSERT INTO observation (device_id, kind, factor, data_time, val, converted, flag)"
              + " VALUES"
              + " (1, 'REALTIME', 'a21026', TIMESTAMP '2026-11-01 10:00:00', 30, 36, 'N'),"
              + " (1, 'REALTIME', 'a19001', TIMESTAMP '2026-11-01 10:00:00', 9.5, NULL, NULL),"
              + " (1, 'REALTIME', 'a21026', TIMESTAMP '2026-11-01 10:00:30', 31, NULL, 'D'),"
              + " (2, 'HOUR', 'a21026', TIMESTAMP '2026-11-01 10:00:00', 12, NULL, 'N'),"
              + " (3, 'REALTIME', 'w01018', TIMESTAMP '2026-11-01 11:00:00', 88, NULL, 'N')");

      flyway.target("latest").load().migrate();

      try (ResultSet rs =
          s.executeQuery(
              "SELECT device_id, cn, data_time, qn, remote_addr, raw, readings FROM data_packet"
                  + " ORDER BY device_id, data_time")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("qn")).isEqualTo("q1");
        assertThat(RawText.of(rs.getBytes("raw"))).isEqualTo("raw1");
        List<Observation> first = readings(rs);
        assertThat(first).extracting(Observation::factor).containsExactly("a19001", "a21026");
        assertThat(first.get(1).converted()).hasValue(36.0);
        assertThat(first.get(1).flag()).hasValue("N");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes("raw")).isNull();
        assertThat(readings(rs)).singleElement().satisfies(o -> assertThat(o.value()).hasValue(31));
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("cn")).isEqualTo("2061");
        assertThat(RawText.of(rs.getBytes("raw"))).isEqualTo("烟气 raw3");
        assertThat(rs.getBytes("readings")).isNull();
        assertThat(rs.next()).isTrue(); // a value whose packet row was missing keeps a row
        assertThat(rs.getBytes("raw")).isNull();
        assertThat(readings(rs)).singleElement().satisfies(o -> assertThat(o.value()).hasValue(88));
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("SELECT kind, COUNT(*) FROM observation GROUP BY kind")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("HOUR");
        assertThat(rs.getLong(2)).isEqualTo(1);
        assertThat(rs.next()).isFalse();
      }
    }
  }

  private static List<Observation> readings(ResultSet rs) throws Exception {
    return PacketReadings.decode(
        rs.getLong("device_id"),
        ObservationKind.REALTIME,
        rs.getObject("data_time", LocalDateTime.class),
        rs.getBytes("readings"));
  }
}
