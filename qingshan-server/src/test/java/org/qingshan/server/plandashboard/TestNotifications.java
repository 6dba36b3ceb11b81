package org.qingshan.server.plandashboard;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notifications a user got from a plan's reminders, counted: report reminders link to the plan,
 * notices of a passed deadline to the task.
 */
final class TestNotifications {
  private TestNotifications() {}

  /** All the notifications the user got about the plan. */
  static long told(JdbcClient jdbc, String username, long plan) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = :u AND link = :l")
        .param("u", username)
        .param("l", "/dispatch/plans/" + plan)
        .query(Long.class)
        .single();
  }

  /** Those about the plan whose text starts with {@code mark} (【报送提醒】, 【逾期未报】). */
  static long told(JdbcClient jdbc, String username, long plan, String mark) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM notification WHERE username = :u AND link = :l AND text LIKE :m")
        .param("u", username)
        .param("l", "/dispatch/plans/" + plan)
        .param("m", mark + "%")
        .query(Long.class)
        .single();
  }

  /** The notices of a passed deadline (【逾期】) the user got about the task. */
  static long overdue(JdbcClient jdbc, String username, long task) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM notification WHERE username = :u AND link = :l AND text LIKE"
                + " '【逾期】%'")
        .param("u", username)
        .param("l", "/dispatch/tasks/" + task)
        .query(Long.class)
        .single();
  }
}
