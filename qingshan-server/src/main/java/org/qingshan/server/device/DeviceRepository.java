package org.qingshan.server.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class DeviceRepository {
  private static final String COLUMNS =
      "id, mn, password, st, name, kind, site, department_id, protocol, crc_dialect,"
          + " hour_data_expected, blocked, longitude, latitude, last_seen_at";
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  DeviceRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  public List<Device> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM device ORDER BY id")
        .query(DeviceRepository::map)
        .list();
  }

  public Optional<Device> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM device WHERE id = :id")
        .param("id", id)
        .query(DeviceRepository::map)
        .optional();
  }

  public Optional<Device> findByMn(String mn) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM device WHERE mn = :mn")
        .param("mn", mn)
        .query(DeviceRepository::map)
        .optional();
  }

  public PageResult<Device> search(DeviceSearch search, PageQuery page) {
    return new PagedSearch()
        .text(search.text(), "mn", "name", "site")
        .equal("kind", search.kind())
        .in("department_id", search.departments())
        .page(jdbc, COLUMNS, "device", "id", DeviceRepository::map, page);
  }

  long insert(DeviceForm f) {
    OffsetDateTime now = OffsetDateTime.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO device (mn, password, st, name, kind, site, department_id, protocol,"
                + " crc_dialect, hour_data_expected, blocked, longitude, latitude, created_at,"
                + " updated_at) VALUES (:mn, :pw, :st, :name, :kind, :site, :dept, :protocol,"
                + " :crc, :hour, FALSE, :lon, :lat, :now, :now)")
        .params(params(f))
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(long id, DeviceForm f) {
    jdbc.sql(
            "UPDATE device SET mn = :mn, password = :pw, st = :st, name = :name, kind = :kind,"
                + " site = :site, department_id = :dept, protocol = :protocol, crc_dialect = :crc,"
                + " hour_data_expected = :hour, longitude = :lon, latitude = :lat,"
                + " updated_at = :now WHERE id = :id")
        .params(params(f))
        .param("now", OffsetDateTime.now())
        .param("id", id)
        .update();
  }

  void setBlocked(long id, boolean blocked) {
    jdbc.sql("UPDATE device SET blocked = :b, updated_at = :now WHERE id = :id")
        .param("b", blocked)
        .param("now", OffsetDateTime.now())
        .param("id", id)
        .update();
  }

  /** Records when devices were last heard; an older time never replaces a newer one. */
  public void touchLastSeen(Map<Long, OffsetDateTime> lastSeen) {
    List<Object[]> args = new ArrayList<>();
    lastSeen.forEach((id, at) -> args.add(new Object[] {at, id, at}));
    jdbcTemplate.batchUpdate(
        "UPDATE device SET last_seen_at = ? WHERE id = ?"
            + " AND (last_seen_at IS NULL OR last_seen_at < ?)",
        args);
  }

  private static Map<String, Object> params(DeviceForm f) {
    Map<String, Object> p = new HashMap<>();
    p.put("mn", f.mn().trim());
    p.put("pw", f.password());
    p.put("st", f.st());
    p.put("name", f.name().trim());
    p.put("kind", f.kind().name());
    p.put("site", f.siteText().orElse(null));
    p.put("dept", f.departmentId());
    p.put("protocol", f.protocol().name());
    p.put("crc", f.crcDialect().name());
    p.put("hour", f.hourDataExpected());
    p.put("lon", f.longitude());
    p.put("lat", f.latitude());
    return p;
  }

  private static Device map(ResultSet rs, int row) throws SQLException {
    return new Device(
        rs.getLong("id"),
        rs.getString("mn"),
        rs.getString("password"),
        rs.getString("st"),
        rs.getString("name"),
        DeviceKind.valueOf(rs.getString("kind")),
        Optional.ofNullable(rs.getString("site")),
        Optional.ofNullable(rs.getObject("department_id", Long.class)),
        ProtocolVersion.valueOf(rs.getString("protocol")),
        CrcDialect.valueOf(rs.getString("crc_dialect")),
        rs.getBoolean("hour_data_expected"),
        rs.getBoolean("blocked"),
        Optional.ofNullable(rs.getObject("longitude", Double.class)),
        Optional.ofNullable(rs.getObject("latitude", Double.class)),
        Optional.ofNullable(rs.getObject("last_seen_at", OffsetDateTime.class)));
  }
}
