package org.qingshan.server.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** 停限产 periods, as data the engine judges production against. */
@Repository
public class CurtailmentRepository {
  /** A period as stored, with its reason. */
  public record Period(
      long id,
      long enterpriseId,
      Optional<Long> facilityId,
      LocalDateTime start,
      LocalDateTime end,
      String reason) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  CurtailmentRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Period> findAll() {
    return jdbc.sql(
            "SELECT id, enterprise_id, facility_id, starts_at, ends_at, reason FROM"
                + " curtailment_period ORDER BY starts_at DESC, id DESC")
        .query(
            (rs, n) ->
                new Period(
                    rs.getLong(1),
                    rs.getLong(2),
                    Optional.ofNullable(rs.getObject(3, Long.class)),
                    rs.getTimestamp(4).toLocalDateTime(),
                    rs.getTimestamp(5).toLocalDateTime(),
                    rs.getString(6)))
        .list();
  }

  public long insert(
      long enterpriseId,
      Optional<Long> facilityId,
      LocalDateTime start,
      LocalDateTime end,
      String reason) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO curtailment_period (enterprise_id, facility_id, starts_at, ends_at,"
                + " reason, created_at) VALUES (:e, :f, :s, :end, :r, :now)")
        .param("e", enterpriseId)
        .param("f", facilityId.orElse(null))
        .param("s", Timestamp.valueOf(start))
        .param("end", Timestamp.valueOf(end))
        .param("r", reason)
        .param("now", OffsetDateTime.now(clock))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void delete(long id) {
    jdbc.sql("DELETE FROM curtailment_period WHERE id = :id").param("id", id).update();
  }
}
