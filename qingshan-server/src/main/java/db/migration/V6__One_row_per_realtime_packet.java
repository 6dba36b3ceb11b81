package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.ingest.PacketReadings;

/**
 * Moves every data packet into {@code data_packet}, keyed by device, CN and DataTime (the duplicate
 * key itself, so a packet costs one index instead of three), with the values of real-time packets
 * in its {@code readings} column instead of one {@code observation} row each. Real-time values were
 * nine tenths of the rows and most of the ingest time. A Java migration because the readings are
 * encoded by {@link PacketReadings}.
 */
public class V6__One_row_per_realtime_packet extends BaseJavaMigration {
  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE data_packet ("
              + " device_id BIGINT NOT NULL,"
              + " cn VARCHAR(8) NOT NULL,"
              + " data_time TIMESTAMP NOT NULL,"
              + " qn VARCHAR(32),"
              + " received_at TIMESTAMP WITH TIME ZONE NOT NULL,"
              + " remote_addr VARCHAR(64),"
              + " readings BYTEA,"
              + " raw BYTEA,"
              + " CONSTRAINT data_packet_pk PRIMARY KEY (device_id, cn, data_time))");
      s.execute(
          "INSERT INTO data_packet (device_id, cn, data_time, qn, received_at, remote_addr, raw)"
              + " SELECT device_id, cn, data_time, qn, received_at, remote_addr, "
              + utf8Bytes(c, "raw")
              + " FROM received_packet");
    }
    // Every real-time value came with its packet; should one have lost it, it gets a row of its
    // own rather than be deleted with the observation rows.
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO data_packet (device_id, cn, data_time, received_at)"
              + " SELECT DISTINCT o.device_id, '"
              + ObservationKind.REALTIME.cn()
              + "', o.data_time, CURRENT_TIMESTAMP FROM observation o WHERE o.kind = 'REALTIME'"
              + " AND NOT EXISTS (SELECT 1 FROM data_packet p WHERE p.device_id = o.device_id"
              + " AND p.cn = '"
              + ObservationKind.REALTIME.cn()
              + "' AND p.data_time = o.data_time)");
    }
    moveRealtimeValues(c);
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM observation WHERE kind = 'REALTIME'");
      s.execute("DROP TABLE received_packet");
    }
  }

  /** The raw text becomes its UTF-8 bytes: the database then copies it instead of encoding it. */
  private static String utf8Bytes(Connection c, String column) throws SQLException {
    return c.getMetaData().getDatabaseProductName().equals("PostgreSQL")
        ? "convert_to(" + column + ", 'UTF8')"
        : "STRINGTOUTF8(" + column + ")";
  }

  private static void moveRealtimeValues(Connection c) throws SQLException {
    try (PreparedStatement read =
            c.prepareStatement(
                "SELECT * FROM observation WHERE kind = 'REALTIME'"
                    + " ORDER BY device_id, data_time, factor");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE data_packet SET readings = ? WHERE device_id = ? AND cn = ?"
                    + " AND data_time = ?")) {
      read.setFetchSize(BATCH);
      List<Observation> packet = new ArrayList<>();
      int pending = 0;
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          Observation o = observation(rs);
          if (!packet.isEmpty() && !samePacket(packet.get(0), o)) {
            addUpdate(update, packet);
            packet.clear();
            if (++pending == BATCH) {
              update.executeBatch();
              pending = 0;
            }
          }
          packet.add(o);
        }
      }
      if (!packet.isEmpty()) {
        addUpdate(update, packet);
      }
      update.executeBatch();
    }
  }

  private static boolean samePacket(Observation a, Observation b) {
    return a.deviceId() == b.deviceId() && a.dataTime().equals(b.dataTime());
  }

  private static void addUpdate(PreparedStatement update, List<Observation> packet)
      throws SQLException {
    Observation first = packet.get(0);
    update.setBytes(1, PacketReadings.encode(packet));
    update.setLong(2, first.deviceId());
    update.setString(3, ObservationKind.REALTIME.cn());
    update.setTimestamp(4, Timestamp.valueOf(first.dataTime()));
    update.addBatch();
  }

  // The table as it is at this version: a migration must not follow later changes of the
  // application's own row mapping.
  private static Observation observation(ResultSet rs) throws SQLException {
    return new Observation(
        rs.getLong("device_id"),
        ObservationKind.REALTIME,
        rs.getString("factor"),
        rs.getTimestamp("data_time").toLocalDateTime(),
        optional(rs, "val"),
        optional(rs, "min_val"),
        optional(rs, "max_val"),
        optional(rs, "cou_val"),
        optional(rs, "converted"),
        Optional.ofNullable(rs.getString("flag")));
  }

  private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
