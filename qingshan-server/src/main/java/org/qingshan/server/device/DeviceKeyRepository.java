package org.qingshan.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code device_key} rows: sealed keys, when they were set, and the last key change. */
@Repository
class DeviceKeyRepository {
  /** One device's row; the sealed texts are only ever opened by {@link MasterKey}. */
  record Row(
      long deviceId,
      Optional<String> sealedKey,
      Optional<Instant> setAt,
      Optional<String> pendingKey,
      Optional<KeyChange> change) {}

  private final JdbcClient jdbc;

  DeviceKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Row> all() {
    return jdbc.sql("SELECT * FROM device_key").query(DeviceKeyRepository::row).list();
  }

  Optional<Row> find(long deviceId) {
    return jdbc.sql("SELECT * FROM device_key WHERE device_id = :id")
        .param("id", deviceId)
        .query(DeviceKeyRepository::row)
        .optional();
  }

  void setKey(long deviceId, String sealed, Instant at) {
    ensure(deviceId);
    jdbc.sql("UPDATE device_key SET sealed_key = :k, set_at = :at WHERE device_id = :id")
        .param("k", sealed)
        .param("at", utc(at))
        .param("id", deviceId)
        .update();
  }

  /** A change sent: the intended key waits beside the current one until the device confirms. */
  void startChange(long deviceId, String sealedPending, KeyChange change) {
    ensure(deviceId);
    jdbc.sql(
            "UPDATE device_key SET pending_key = :k, change_qn = :qn, change_state = :s,"
                + " change_started_at = :at, change_ended_at = NULL WHERE device_id = :id")
        .param("k", sealedPending)
        .param("qn", change.qn())
        .param("s", change.state().name())
        .param("at", utc(change.startedAt()))
        .param("id", deviceId)
        .update();
  }

  /** A change moved on; a confirmed one makes the pending key the device's key. */
  void updateChange(long deviceId, KeyChange change) {
    String sql =
        change.state() == KeyChangeState.CONFIRMED
            ? "UPDATE device_key SET sealed_key = pending_key, set_at = :ended, pending_key = NULL,"
                + " change_state = :s, change_ended_at = :ended WHERE device_id = :id"
            : change.state().open()
                ? "UPDATE device_key SET change_state = :s, change_ended_at = :ended"
                    + " WHERE device_id = :id"
                : "UPDATE device_key SET pending_key = NULL, change_state = :s,"
                    + " change_ended_at = :ended WHERE device_id = :id";
    jdbc.sql(sql)
        .param("s", change.state().name())
        .param("ended", change.endedAt().map(DeviceKeyRepository::utc).orElse(null))
        .param("id", deviceId)
        .update();
  }

  private void ensure(long deviceId) {
    jdbc.sql(
            "INSERT INTO device_key (device_id) SELECT :id"
                + " WHERE NOT EXISTS (SELECT 1 FROM device_key WHERE device_id = :id)")
        .param("id", deviceId)
        .update();
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Optional<KeyChange> change = Optional.empty();
    String state = rs.getString("change_state");
    if (state != null) {
      change =
          Optional.of(
              new KeyChange(
                  KeyChangeState.valueOf(state),
                  rs.getString("change_qn"),
                  instant(rs, "change_started_at").orElseThrow(),
                  instant(rs, "change_ended_at")));
    }
    return new Row(
        rs.getLong("device_id"),
        Optional.ofNullable(rs.getString("sealed_key")),
        instant(rs, "set_at"),
        Optional.ofNullable(rs.getString("pending_key")),
        change);
  }
}
