package org.qingshan.server.plandispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The name people know a user by (李明), for the pages that show who imported, corrected or entered
 * something: records keep the login name, pages show {@code @dispatchNames.of(login)}. A login that
 * is no longer a user is shown as it is.
 */
@Component("dispatchNames")
public class DispatchNames {
  private final JdbcClient jdbc;

  DispatchNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The user's display name, else the login name itself. */
  public String of(String username) {
    if (username == null || username.isBlank()) {
      return "";
    }
    return jdbc.sql("SELECT display_name FROM app_user WHERE username = :u")
        .param("u", username)
        .query(String.class)
        .optional()
        .orElse(username);
  }
}
