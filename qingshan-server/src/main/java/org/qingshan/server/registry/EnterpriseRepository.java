package org.qingshan.server.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Enterprises of the registry; writes go through a service that audits them. */
@Repository
public class EnterpriseRepository {
  private static final String COLUMNS =
      "id, name, credit_code, industry_code, industry_name, address, town, grid, department_id,"
          + " longitude, latitude, key_categories, permit_number, permit_class,"
          + " permit_valid_from, permit_valid_to, contact_name, contact_phone";
  private final JdbcClient jdbc;
  private final Clock clock;

  EnterpriseRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Enterprise> findAll() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise ORDER BY id")
        .query(EnterpriseRepository::map)
        .list();
  }

  public Optional<Enterprise> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE id = :id")
        .param("id", id)
        .query(EnterpriseRepository::map)
        .optional();
  }

  public Optional<Enterprise> findByCreditCode(CreditCode code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM enterprise WHERE credit_code = :c")
        .param("c", code.value())
        .query(EnterpriseRepository::map)
        .optional();
  }

  /** Enterprises whose name, credit code, industry, address or town contain the text. */
  public PageResult<Enterprise> search(
      Optional<String> text,
      Optional<String> town,
      Optional<String> industryCode,
      Optional<Collection<Long>> departments,
      PageQuery page) {
    return search(text, town, industryCode, departments, Optional.empty(), page);
  }

  /** As {@link #search}, also limited to the enterprises {@code ids} (an enterprise user's own). */
  public PageResult<Enterprise> search(
      Optional<String> text,
      Optional<String> town,
      Optional<String> industryCode,
      Optional<Collection<Long>> departments,
      Optional<Collection<Long>> ids,
      PageQuery page) {
    return new PagedSearch()
        .text(text, "name", "credit_code", "industry_code", "industry_name", "address", "town")
        .equal("town", town)
        .equal("industry_code", industryCode)
        .in("department_id", departments)
        .in("id", ids)
        .page(jdbc, COLUMNS, "enterprise", "name, id", EnterpriseRepository::map, page);
  }

  /** The towns enterprises are registered in, for the list's filter. */
  public List<String> towns() {
    return jdbc.sql("SELECT DISTINCT town FROM enterprise WHERE town IS NOT NULL ORDER BY town")
        .query(String.class)
        .list();
  }

  /** Stores a new enterprise (the id of the argument is ignored) and returns its id. */
  public long insert(Enterprise e) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO enterprise (name, credit_code, industry_code, industry_name, address,"
                + " town, grid, department_id, longitude, latitude, key_categories,"
                + " permit_number, permit_class, permit_valid_from, permit_valid_to,"
                + " contact_name, contact_phone, created_at, updated_at) VALUES (:name, :code,"
                + " :icode, :iname, :address, :town, :grid, :dept, :lon, :lat, :cats, :pnum,"
                + " :pclass, :pfrom, :pto, :cname, :cphone, :now, :now)")
        .params(params(e))
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void update(Enterprise e) {
    jdbc.sql(
            "UPDATE enterprise SET name = :name, credit_code = :code, industry_code = :icode,"
                + " industry_name = :iname, address = :address, town = :town, grid = :grid,"
                + " department_id = :dept, longitude = :lon, latitude = :lat,"
                + " key_categories = :cats, permit_number = :pnum, permit_class = :pclass,"
                + " permit_valid_from = :pfrom, permit_valid_to = :pto, contact_name = :cname,"
                + " contact_phone = :cphone, updated_at = :now WHERE id = :id")
        .params(params(e))
        .param("now", OffsetDateTime.now(clock))
        .param("id", e.id())
        .update();
  }

  /** The enterprise an enterprise user speaks for. */
  public Optional<Long> enterpriseOfUser(long userId) {
    return jdbc.sql("SELECT enterprise_id FROM enterprise_user WHERE user_id = :u")
        .param("u", userId)
        .query(Long.class)
        .optional();
  }

  public void setEnterpriseOfUser(long userId, long enterpriseId) {
    jdbc.sql("DELETE FROM enterprise_user WHERE user_id = :u").param("u", userId).update();
    jdbc.sql("INSERT INTO enterprise_user (user_id, enterprise_id) VALUES (:u, :e)")
        .param("u", userId)
        .param("e", enterpriseId)
        .update();
  }

  private static Map<String, Object> params(Enterprise e) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", e.name().trim());
    p.put("code", e.creditCode().value());
    p.put("icode", e.industryCode().orElse(null));
    p.put("iname", e.industryName().orElse(null));
    p.put("address", e.address().orElse(null));
    p.put("town", e.town().orElse(null));
    p.put("grid", e.grid().orElse(null));
    p.put("dept", e.departmentId().orElse(null));
    p.put("lon", e.longitude().orElse(null));
    p.put("lat", e.latitude().orElse(null));
    p.put(
        "cats",
        e.keyCategories().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
    p.put("pnum", e.permitNumber().orElse(null));
    p.put("pclass", e.permitClass().map(Enum::name).orElse(null));
    p.put("pfrom", e.permitValidFrom().map(Date::valueOf).orElse(null));
    p.put("pto", e.permitValidTo().map(Date::valueOf).orElse(null));
    p.put("cname", e.contactName().orElse(null));
    p.put("cphone", e.contactPhone().orElse(null));
    return p;
  }

  private static Enterprise map(ResultSet rs, int row) throws SQLException {
    return new Enterprise(
        rs.getLong("id"),
        rs.getString("name"),
        new CreditCode(rs.getString("credit_code")),
        Optional.ofNullable(rs.getString("industry_code")),
        Optional.ofNullable(rs.getString("industry_name")),
        Optional.ofNullable(rs.getString("address")),
        Optional.ofNullable(rs.getString("town")),
        Optional.ofNullable(rs.getString("grid")),
        Optional.ofNullable(rs.getObject("department_id", Long.class)),
        Optional.ofNullable(rs.getObject("longitude", Double.class)),
        Optional.ofNullable(rs.getObject("latitude", Double.class)),
        categories(rs.getString("key_categories")),
        Optional.ofNullable(rs.getString("permit_number")),
        Optional.ofNullable(rs.getString("permit_class")).map(PermitClass::valueOf),
        date(rs, "permit_valid_from"),
        date(rs, "permit_valid_to"),
        Optional.ofNullable(rs.getString("contact_name")),
        Optional.ofNullable(rs.getString("contact_phone")));
  }

  private static Set<KeyPolluterCategory> categories(String text) {
    Set<KeyPolluterCategory> set = EnumSet.noneOf(KeyPolluterCategory.class);
    Arrays.stream(text.split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> set.add(KeyPolluterCategory.valueOf(s)));
    return set;
  }

  private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, LocalDate.class));
  }
}
