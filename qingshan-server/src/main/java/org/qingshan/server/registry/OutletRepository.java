package org.qingshan.server.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Outlets, their limits, and the devices that measure them. */
@Repository
public class OutletRepository {
  private static final String COLUMNS =
      "id, enterprise_id, code, name, kind, main_outlet, emission_standard, longitude, latitude";
  private static final String LIMIT_COLUMNS =
      "id, outlet_id, factor, averaging, limit_value, lower_limit, unit, standard, corrected,"
          + " reference_o2";
  private final JdbcClient jdbc;
  private final Clock clock;

  OutletRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Outlet> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outlet ORDER BY enterprise_id, code")
        .query(OutletRepository::map)
        .list();
  }

  public List<Outlet> ofEnterprise(long enterpriseId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outlet WHERE enterprise_id = :e ORDER BY code")
        .param("e", enterpriseId)
        .query(OutletRepository::map)
        .list();
  }

  public Optional<Outlet> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM outlet WHERE id = :id")
        .param("id", id)
        .query(OutletRepository::map)
        .optional();
  }

  /** Stores a new outlet (the id of the argument is ignored) and returns its id. */
  public long insert(Outlet o) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO outlet (enterprise_id, code, name, kind, main_outlet, emission_standard,"
                + " longitude, latitude, created_at, updated_at) VALUES (:e, :code, :name, :kind,"
                + " :main, :std, :lon, :lat, :now, :now)")
        .param("e", o.enterpriseId())
        .param("code", o.code().trim())
        .param("name", o.name().trim())
        .param("kind", o.kind().name())
        .param("main", o.main())
        .param("std", o.emissionStandard().orElse(null))
        .param("lon", o.longitude().orElse(null))
        .param("lat", o.latitude().orElse(null))
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(Outlet o) {
    jdbc.sql(
            "UPDATE outlet SET code = :code, name = :name, kind = :kind, main_outlet = :main,"
                + " emission_standard = :std, longitude = :lon, latitude = :lat,"
                + " updated_at = :now WHERE id = :id")
        .param("code", o.code().trim())
        .param("name", o.name().trim())
        .param("kind", o.kind().name())
        .param("main", o.main())
        .param("std", o.emissionStandard().orElse(null))
        .param("lon", o.longitude().orElse(null))
        .param("lat", o.latitude().orElse(null))
        .param("now", OffsetDateTime.now(clock))
        .param("id", o.id())
        .update();
  }

  public List<OutletLimit> limits(long outletId) {
    return jdbc.sql(
            "SELECT "
                + LIMIT_COLUMNS
                + " FROM outlet_limit WHERE outlet_id = :o ORDER BY factor, averaging")
        .param("o", outletId)
        .query(OutletRepository::mapLimit)
        .list();
  }

  public List<OutletLimit> allLimits() {
    return jdbc.sql("SELECT " + LIMIT_COLUMNS + " FROM outlet_limit ORDER BY outlet_id, factor")
        .query(OutletRepository::mapLimit)
        .list();
  }

  /** Replaces every limit of an outlet with the given ones (their ids and outlet ids ignored). */
  public void replaceLimits(long outletId, List<OutletLimit> limits) {
    jdbc.sql("DELETE FROM outlet_limit WHERE outlet_id = :o").param("o", outletId).update();
    for (OutletLimit l : limits) {
      jdbc.sql(
              "INSERT INTO outlet_limit (outlet_id, factor, averaging, limit_value, lower_limit,"
                  + " unit, standard, corrected, reference_o2) VALUES (:o, :f, :a, :l, :low, :u,"
                  + " :s, :c, :ref)")
          .param("o", outletId)
          .param("f", l.factor())
          .param("a", l.averaging().name())
          .param("l", l.limit())
          .param("low", l.lowerLimit().isPresent() ? l.lowerLimit().getAsDouble() : null)
          .param("u", l.unit())
          .param("s", l.standard().orElse(null))
          .param("c", l.corrected())
          .param("ref", l.referenceO2().isPresent() ? l.referenceO2().getAsDouble() : null)
          .update();
    }
  }

  /** Binds a device to the outlet it measures, replacing an earlier binding. */
  public void bindDevice(long deviceId, long outletId) {
    unbindDevice(deviceId);
    jdbc.sql("INSERT INTO device_outlet (device_id, outlet_id) VALUES (:d, :o)")
        .param("d", deviceId)
        .param("o", outletId)
        .update();
  }

  public void unbindDevice(long deviceId) {
    jdbc.sql("DELETE FROM device_outlet WHERE device_id = :d").param("d", deviceId).update();
  }

  public Optional<Long> outletOfDevice(long deviceId) {
    return jdbc.sql("SELECT outlet_id FROM device_outlet WHERE device_id = :d")
        .param("d", deviceId)
        .query(Long.class)
        .optional();
  }

  /** Every device bound to an outlet, device id to outlet id. */
  public Map<Long, Long> deviceOutlets() {
    return jdbc
        .sql("SELECT device_id, outlet_id FROM device_outlet")
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  public List<Long> devicesOfOutlet(long outletId) {
    return jdbc.sql("SELECT device_id FROM device_outlet WHERE outlet_id = :o ORDER BY device_id")
        .param("o", outletId)
        .query(Long.class)
        .list();
  }

  private static Outlet map(ResultSet rs, int row) throws SQLException {
    return new Outlet(
        rs.getLong("id"),
        rs.getLong("enterprise_id"),
        rs.getString("code"),
        rs.getString("name"),
        OutletKind.valueOf(rs.getString("kind")),
        rs.getBoolean("main_outlet"),
        Optional.ofNullable(rs.getString("emission_standard")),
        Optional.ofNullable(rs.getObject("longitude", Double.class)),
        Optional.ofNullable(rs.getObject("latitude", Double.class)));
  }

  private static OutletLimit mapLimit(ResultSet rs, int row) throws SQLException {
    return new OutletLimit(
        rs.getLong("id"),
        rs.getLong("outlet_id"),
        rs.getString("factor"),
        Averaging.valueOf(rs.getString("averaging")),
        rs.getDouble("limit_value"),
        optionalDouble(rs, "lower_limit"),
        rs.getString("unit"),
        Optional.ofNullable(rs.getString("standard")),
        rs.getBoolean("corrected"),
        optionalDouble(rs, "reference_o2"));
  }

  private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
    Double d = rs.getObject(column, Double.class);
    return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
  }
}
