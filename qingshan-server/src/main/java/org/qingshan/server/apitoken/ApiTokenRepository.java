package org.qingshan.server.apitoken;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Issued tokens: their hashes, whose they are, when they were last used and revoked. */
@Repository
class ApiTokenRepository {
  private static final String COLUMNS =
      "t.id, t.user_id, u.username, t.name, t.label, t.created_by, t.created_at,"
          + " t.last_used_at, t.revoked_at, t.revoked_by";
  private static final String TABLE = "api_token t JOIN app_user u ON u.id = t.user_id";

  /** What checking a presented token needs. */
  record Stored(long id, long userId, String label, boolean revoked) {}

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long userId, String name, String hash, String label, String createdBy, OffsetDateTime now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO api_token (user_id, name, token_hash, label, created_by, created_at)"
                + " VALUES (:u, :name, :hash, :label, :by, :now)")
        .param("u", userId)
        .param("name", name)
        .param("hash", hash)
        .param("label", label)
        .param("by", createdBy)
        .param("now", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Stored> findByHash(String hash) {
    return jdbc.sql("SELECT id, user_id, label, revoked_at FROM api_token WHERE token_hash = :h")
        .param("h", hash)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getLong("id"),
                    rs.getLong("user_id"),
                    rs.getString("label"),
                    rs.getObject("revoked_at") != null))
        .optional();
  }

  Optional<ApiToken> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE t.id = :id")
        .param("id", id)
        .query(ApiTokenRepository::map)
        .optional();
  }

  /** Tokens whose name, label or user contain the text, newest first. */
  PageResult<ApiToken> search(Optional<String> text, PageQuery page) {
    return new PagedSearch()
        .text(text, "t.name", "t.label", "u.username", "u.display_name")
        .page(jdbc, COLUMNS, TABLE, "t.id DESC", ApiTokenRepository::map, page);
  }

  void revoke(long id, String by, OffsetDateTime now) {
    jdbc.sql(
            "UPDATE api_token SET revoked_at = :now, revoked_by = :by WHERE id = :id"
                + " AND revoked_at IS NULL")
        .param("now", now)
        .param("by", by)
        .param("id", id)
        .update();
  }

  /**
   * Notes a use, at most once per {@code since}: a program calling many times a second must not
   * turn every read into a write.
   */
  void touch(long id, OffsetDateTime now, OffsetDateTime since) {
    jdbc.sql(
            "UPDATE api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL"
                + " OR last_used_at < :since)")
        .param("now", now)
        .param("since", since)
        .param("id", id)
        .update();
  }

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("username"),
        rs.getString("name"),
        rs.getString("label"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        Optional.ofNullable(rs.getObject("last_used_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)),
        Optional.ofNullable(rs.getString("revoked_by")));
  }
}
