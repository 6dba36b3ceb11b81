package org.qingshan.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.ingest.ActivationRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code device_activation} rows. */
@Repository
class ActivationRepository {
  private final JdbcClient jdbc;

  ActivationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Activation> find(String serial) {
    return jdbc.sql("SELECT * FROM device_activation WHERE serial = :s")
        .param("s", serial)
        .query(ActivationRepository::row)
        .optional();
  }

  Optional<Activation> byQn(String qn) {
    return jdbc.sql("SELECT * FROM device_activation WHERE assign_qn = :qn")
        .param("qn", qn)
        .query(ActivationRepository::row)
        .optional();
  }

  List<Activation> recent(int limit) {
    return jdbc.sql("SELECT * FROM device_activation ORDER BY last_seen_at DESC LIMIT :n")
        .param("n", limit)
        .query(ActivationRepository::row)
        .list();
  }

  List<Activation> awaitingAnswer() {
    return jdbc.sql("SELECT * FROM device_activation WHERE state IN ('ASSIGNED', 'ACCEPTED')")
        .query(ActivationRepository::row)
        .list();
  }

  long waiting() {
    return jdbc.sql("SELECT COUNT(*) FROM device_activation WHERE state = 'WAITING'")
        .query(Long.class)
        .single();
  }

  long waitingFrom(String remoteAddr) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM device_activation WHERE state = 'WAITING' AND remote_addr = :a")
        .param("a", remoteAddr)
        .query(Long.class)
        .single();
  }

  void insert(ActivationRequest r) {
    jdbc.sql(
            "INSERT INTO device_activation (serial, cpu_id, mac1, mac2, st, remote_addr, attempts,"
                + " first_seen_at, last_seen_at, state)"
                + " VALUES (:s, :cpu, :m1, :m2, :st, :a, 1, :at, :at, 'WAITING')")
        .param("s", r.serial())
        .param("cpu", r.cpuId())
        .param("m1", r.mac(0))
        .param("m2", r.mac(1))
        .param("st", r.st())
        .param("a", r.remoteAddr())
        .param("at", utc(r.at()))
        .update();
  }

  /** Asked again; a differing fingerprint is counted, never taken over. */
  void seenAgain(String serial, String remoteAddr, Instant at, boolean mismatch) {
    jdbc.sql(
            "UPDATE device_activation SET attempts = attempts + 1, last_seen_at = :at,"
                + " remote_addr = :a, mismatches = mismatches + :mm WHERE serial = :s")
        .param("at", utc(at))
        .param("a", remoteAddr)
        .param("mm", mismatch ? 1 : 0)
        .param("s", serial)
        .update();
  }

  void assigned(String serial, String mn, long deviceId, String qn, Instant at) {
    jdbc.sql(
            "UPDATE device_activation SET state = 'ASSIGNED', assigned_mn = :mn, device_id = :d,"
                + " assign_qn = :qn, state_at = :at WHERE serial = :s")
        .param("mn", mn)
        .param("d", deviceId)
        .param("qn", qn)
        .param("at", utc(at))
        .param("s", serial)
        .update();
  }

  void state(String serial, ActivationState state, Instant at) {
    jdbc.sql("UPDATE device_activation SET state = :st, state_at = :at WHERE serial = :s")
        .param("st", state.name())
        .param("at", utc(at))
        .param("s", serial)
        .update();
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  private static Activation row(ResultSet rs, int n) throws SQLException {
    long device = rs.getLong("device_id");
    Optional<Long> deviceId = rs.wasNull() ? Optional.empty() : Optional.of(device);
    return new Activation(
        rs.getString("serial"),
        nz(rs.getString("cpu_id")),
        nz(rs.getString("mac1")),
        nz(rs.getString("mac2")),
        nz(rs.getString("st")),
        Optional.ofNullable(rs.getString("remote_addr")),
        rs.getLong("attempts"),
        rs.getLong("mismatches"),
        rs.getObject("first_seen_at", OffsetDateTime.class),
        rs.getObject("last_seen_at", OffsetDateTime.class),
        ActivationState.valueOf(rs.getString("state")),
        Optional.ofNullable(rs.getString("assigned_mn")),
        deviceId,
        Optional.ofNullable(rs.getString("assign_qn")),
        Optional.ofNullable(rs.getObject("state_at", OffsetDateTime.class)));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
