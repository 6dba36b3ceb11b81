package org.qingshan.server.cases;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** In-app notifications ({@code notification}), and who is told what by role or assignment. */
@Repository
public class NotificationRepository {
  private static final String COLUMNS = "id, username, text, link, created_at, read_at";
  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One notice to each of the users named who exists (the public, {@code system} are not told). */
  void insert(Collection<String> usernames, String text, String link, OffsetDateTime at) {
    if (usernames.isEmpty()) {
      return;
    }
    jdbc.sql(
            "INSERT INTO notification (username, text, link, created_at)"
                + " SELECT username, :t, :l, :at FROM app_user WHERE username IN (:u)")
        .param("t", text.length() > 500 ? text.substring(0, 500) : text)
        .param("l", link)
        .param("at", at)
        .param("u", List.copyOf(usernames))
        .update();
  }

  public PageResult<Notification> page(
      String username, java.util.Optional<String> text, PageQuery page) {
    return new PagedSearch()
        .equal("username", java.util.Optional.of(username))
        .text(text, "text")
        .page(
            jdbc,
            COLUMNS,
            "notification",
            "created_at DESC, id DESC",
            (rs, n) ->
                new Notification(
                    rs.getLong("id"),
                    rs.getString("text"),
                    rs.getString("link"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    Optional.ofNullable(rs.getObject("read_at", OffsetDateTime.class))),
            page);
  }

  public long unread(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = :u AND read_at IS NULL")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  /** The link of the user's notice, marked read; empty when it is not theirs. */
  java.util.Optional<String> markRead(long id, String username, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE notification SET read_at = :at WHERE id = :id AND username = :u"
                + " AND read_at IS NULL")
        .param("at", at)
        .param("id", id)
        .param("u", username)
        .update();
    return jdbc.sql("SELECT link FROM notification WHERE id = :id AND username = :u")
        .param("id", id)
        .param("u", username)
        .query(String.class)
        .optional();
  }

  int markAllRead(String username, OffsetDateTime at) {
    return jdbc.sql("UPDATE notification SET read_at = :at WHERE username = :u AND read_at IS NULL")
        .param("at", at)
        .param("u", username)
        .update();
  }

  /** Enabled users of any of the roles. */
  List<String> usersWithRole(Role... roles) {
    return jdbc.sql(
            "SELECT DISTINCT u.username FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                + " WHERE u.enabled AND r.role IN (:roles) ORDER BY u.username")
        .param("roles", List.of(Role.names(roles)))
        .query(String.class)
        .list();
  }

  /** The liaisons of a department (its users with the LIAISON role). */
  List<String> liaisonsOf(long departmentId) {
    return jdbc.sql(
            "SELECT DISTINCT u.username FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                + " WHERE u.enabled AND r.role = 'LIAISON' AND u.department_id = :d"
                + " ORDER BY u.username")
        .param("d", departmentId)
        .query(String.class)
        .list();
  }

  /** The users who speak for an enterprise. */
  List<String> usersOfEnterprise(long enterpriseId) {
    return jdbc.sql(
            "SELECT u.username FROM app_user u JOIN enterprise_user eu ON eu.user_id = u.id"
                + " WHERE u.enabled AND eu.enterprise_id = :e ORDER BY u.username")
        .param("e", enterpriseId)
        .query(String.class)
        .list();
  }

  /** A notice shown to its user. */
  public record Notification(
      long id,
      String text,
      String link,
      OffsetDateTime createdAt,
      java.util.Optional<OffsetDateTime> readAt) {}
}
