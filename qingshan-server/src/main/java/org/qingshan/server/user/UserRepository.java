package org.qingshan.server.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {
  private static final String COLUMNS =
      "id, username, display_name, department_id, phone, enabled, must_change_password";
  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
  }

  public Optional<AppUser> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
        .param("u", username)
        .query(this::map)
        .optional();
  }

  public Optional<AppUser> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  public Optional<String> passwordHash(String username) {
    return jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
        .param("u", username)
        .query(String.class)
        .optional();
  }

  /** Users matching a free-text search over name, login and phone, within some departments. */
  public PageResult<AppUser> search(
      Optional<String> text, Optional<Collection<Long>> departments, PageQuery page) {
    return withRoles(
        new PagedSearch()
            .text(text, "username", "display_name", "phone")
            .in("department_id", departments)
            .page(jdbc, COLUMNS, "app_user", "id", UserRepository::withoutRoles, page));
  }

  public long insert(
      String username,
      String displayName,
      String passwordHash,
      Optional<Long> departmentId,
      Optional<String> phone,
      boolean mustChangePassword,
      Set<Role> roles) {
    OffsetDateTime now = OffsetDateTime.now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO app_user (username, display_name, password_hash, department_id, phone,"
                + " enabled, must_change_password, created_at, updated_at)"
                + " VALUES (:u, :n, :h, :d, :p, TRUE, :m, :now, :now)")
        .param("u", username)
        .param("n", displayName)
        .param("h", passwordHash)
        .param("d", departmentId.orElse(null))
        .param("p", phone.orElse(null))
        .param("m", mustChangePassword)
        .param("now", now)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    replaceRoles(id, roles);
    return id;
  }

  public void update(
      long id,
      String displayName,
      Optional<Long> departmentId,
      Optional<String> phone,
      boolean enabled,
      Set<Role> roles) {
    jdbc.sql(
            "UPDATE app_user SET display_name = :n, department_id = :d, phone = :p,"
                + " enabled = :e, updated_at = :now WHERE id = :id")
        .param("n", displayName)
        .param("d", departmentId.orElse(null))
        .param("p", phone.orElse(null))
        .param("e", enabled)
        .param("now", OffsetDateTime.now())
        .param("id", id)
        .update();
    replaceRoles(id, roles);
  }

  public void updatePassword(long id, String passwordHash, boolean mustChange) {
    jdbc.sql(
            "UPDATE app_user SET password_hash = :h, must_change_password = :m, updated_at = :now"
                + " WHERE id = :id")
        .param("h", passwordHash)
        .param("m", mustChange)
        .param("now", OffsetDateTime.now())
        .param("id", id)
        .update();
  }

  private void replaceRoles(long userId, Set<Role> roles) {
    jdbc.sql("DELETE FROM app_user_role WHERE user_id = :id").param("id", userId).update();
    for (Role role : roles) {
      jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :r)")
          .param("id", userId)
          .param("r", role.name())
          .update();
    }
  }

  private Set<Role> rolesOf(long userId) {
    List<String> names =
        jdbc.sql("SELECT role FROM app_user_role WHERE user_id = :id")
            .param("id", userId)
            .query(String.class)
            .list();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    names.forEach(n -> roles.add(Role.valueOf(n)));
    return roles;
  }

  /** The page's users with their roles read in one query rather than one per row. */
  private PageResult<AppUser> withRoles(PageResult<AppUser> page) {
    if (page.items().isEmpty()) {
      return page;
    }
    Map<Long, Set<Role>> roles = new HashMap<>();
    jdbc.sql("SELECT user_id, role FROM app_user_role WHERE user_id IN (:ids)")
        .param("ids", page.items().stream().map(AppUser::id).toList())
        .query(
            rs -> {
              roles
                  .computeIfAbsent(rs.getLong("user_id"), k -> EnumSet.noneOf(Role.class))
                  .add(Role.valueOf(rs.getString("role")));
            });
    return page.map(u -> u.withRoles(roles.getOrDefault(u.id(), Set.of())));
  }

  private static AppUser withoutRoles(ResultSet rs, int row) throws SQLException {
    return new AppUser(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Optional.ofNullable(rs.getObject("department_id", Long.class)),
        Optional.ofNullable(rs.getString("phone")),
        rs.getBoolean("enabled"),
        rs.getBoolean("must_change_password"),
        Set.of());
  }

  private AppUser map(ResultSet rs, int row) throws SQLException {
    AppUser user = withoutRoles(rs, row);
    return user.withRoles(rolesOf(user.id()));
  }
}
