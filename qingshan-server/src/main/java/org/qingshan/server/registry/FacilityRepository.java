package org.qingshan.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Production lines, treatment facilities, which treats which, and their channels. */
@Repository
public class FacilityRepository {
  private static final String COLUMNS =
      "id, enterprise_id, name, kind, rated_power_kw, rated_current_a";
  private final JdbcClient jdbc;
  private final Clock clock;

  FacilityRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Facility> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM facility ORDER BY enterprise_id, id")
        .query(FacilityRepository::map)
        .list();
  }

  public List<Facility> ofEnterprise(long enterpriseId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM facility WHERE enterprise_id = :e ORDER BY id")
        .param("e", enterpriseId)
        .query(FacilityRepository::map)
        .list();
  }

  public Optional<Facility> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM facility WHERE id = :id")
        .param("id", id)
        .query(FacilityRepository::map)
        .optional();
  }

  /** Stores a new facility (the id of the argument is ignored) and returns its id. */
  public long insert(Facility f) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO facility (enterprise_id, name, kind, rated_power_kw, rated_current_a,"
                + " created_at, updated_at) VALUES (:e, :name, :kind, :p, :c, :now, :now)")
        .param("e", f.enterpriseId())
        .param("name", f.name().trim())
        .param("kind", f.kind().name())
        .param("p", f.ratedPowerKw().isPresent() ? f.ratedPowerKw().getAsDouble() : null)
        .param("c", f.ratedCurrentA().isPresent() ? f.ratedCurrentA().getAsDouble() : null)
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Records that a treatment facility serves a production facility. */
  public void link(long productionId, long treatmentId) {
    jdbc.sql(
            "INSERT INTO facility_link (production_id, treatment_id) SELECT :p, :t WHERE NOT"
                + " EXISTS (SELECT 1 FROM facility_link WHERE production_id = :p AND"
                + " treatment_id = :t)")
        .param("p", productionId)
        .param("t", treatmentId)
        .update();
  }

  /** Every link, production facility id to treatment facility id. */
  public List<Map.Entry<Long, Long>> links() {
    return jdbc.sql("SELECT production_id, treatment_id FROM facility_link ORDER BY 1, 2")
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  public long addChannel(FacilityChannel c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO facility_channel (facility_id, device_id, code, kind) VALUES (:f, :d,"
                + " :code, :kind)")
        .param("f", c.facilityId())
        .param("d", c.deviceId())
        .param("code", c.code())
        .param("kind", c.kind().name())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<FacilityChannel> channels() {
    return jdbc.sql(
            "SELECT id, facility_id, device_id, code, kind FROM facility_channel ORDER BY id")
        .query(FacilityRepository::mapChannel)
        .list();
  }

  public List<FacilityChannel> channelsOfEnterprise(long enterpriseId) {
    return jdbc.sql(
            "SELECT c.id, c.facility_id, c.device_id, c.code, c.kind FROM facility_channel c"
                + " JOIN facility f ON f.id = c.facility_id WHERE f.enterprise_id = :e"
                + " ORDER BY c.id")
        .param("e", enterpriseId)
        .query(FacilityRepository::mapChannel)
        .list();
  }

  public void update(Facility f) {
    jdbc.sql(
            "UPDATE facility SET name = :name, kind = :kind, rated_power_kw = :p,"
                + " rated_current_a = :c, updated_at = :now WHERE id = :id")
        .param("name", f.name().trim())
        .param("kind", f.kind().name())
        .param("p", f.ratedPowerKw().isPresent() ? f.ratedPowerKw().getAsDouble() : null)
        .param("c", f.ratedCurrentA().isPresent() ? f.ratedCurrentA().getAsDouble() : null)
        .param("now", OffsetDateTime.now(clock))
        .param("id", f.id())
        .update();
  }

  public void unlink(long productionId, long treatmentId) {
    jdbc.sql("DELETE FROM facility_link WHERE production_id = :p AND treatment_id = :t")
        .param("p", productionId)
        .param("t", treatmentId)
        .update();
  }

  /** The links among an enterprise's facilities, production facility id to treatment id. */
  public List<Map.Entry<Long, Long>> linksOfEnterprise(long enterpriseId) {
    return jdbc.sql(
            "SELECT l.production_id, l.treatment_id FROM facility_link l JOIN facility f"
                + " ON f.id = l.production_id WHERE f.enterprise_id = :e ORDER BY 1, 2")
        .param("e", enterpriseId)
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  public Optional<FacilityChannel> findChannel(long id) {
    return jdbc.sql(
            "SELECT id, facility_id, device_id, code, kind FROM facility_channel WHERE id = :id")
        .param("id", id)
        .query(FacilityRepository::mapChannel)
        .optional();
  }

  /** The channel of a device's code, whichever facility it reports for. */
  public Optional<FacilityChannel> findChannel(long deviceId, String code) {
    return jdbc.sql(
            "SELECT id, facility_id, device_id, code, kind FROM facility_channel"
                + " WHERE device_id = :d AND code = :c")
        .param("d", deviceId)
        .param("c", code)
        .query(FacilityRepository::mapChannel)
        .optional();
  }

  public void updateChannel(FacilityChannel c) {
    jdbc.sql("UPDATE facility_channel SET facility_id = :f, kind = :k WHERE id = :id")
        .param("f", c.facilityId())
        .param("k", c.kind().name())
        .param("id", c.id())
        .update();
  }

  public void deleteChannel(long id) {
    jdbc.sql("DELETE FROM facility_channel WHERE id = :id").param("id", id).update();
  }

  private static Facility map(ResultSet rs, int row) throws SQLException {
    return new Facility(
        rs.getLong("id"),
        rs.getLong("enterprise_id"),
        rs.getString("name"),
        FacilityKind.valueOf(rs.getString("kind")),
        optionalDouble(rs, "rated_power_kw"),
        optionalDouble(rs, "rated_current_a"));
  }

  private static FacilityChannel mapChannel(ResultSet rs, int row) throws SQLException {
    return new FacilityChannel(
        rs.getLong("id"),
        rs.getLong("facility_id"),
        rs.getLong("device_id"),
        rs.getString("code"),
        ChannelKind.valueOf(rs.getString("kind")));
  }

  private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
    Double d = rs.getObject(column, Double.class);
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }
}
