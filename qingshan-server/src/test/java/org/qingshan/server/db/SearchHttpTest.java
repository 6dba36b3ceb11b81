package org.qingshan.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a user types in a search box is searched for as typed: % and _ are characters. */
@DemoServerTest
class SearchHttpTest {
  @LocalServerPort int port;
  @Autowired UserService users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void percentAndUnderscoreAreLiteralCharacters() {
    users.create(user("pct_a", "达标率50%以上"), false);
    users.create(user("pctxa", "达标率500以上"), false);
    users.create(user("pct-slash", "路径a\\b"), false);
    users.create(user("pct-slash2", "路径axb"), false);
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");

    String percent = admin.get("/users?q=" + encode("50%")).body();
    assertThat(percent).contains("pct_a").doesNotContain("pctxa");
    String underscore = admin.get("/users?q=" + encode("pct_a")).body();
    assertThat(underscore).contains("pct_a").doesNotContain("pctxa");
    String backslash = admin.get("/users?q=" + encode("a\\b")).body();
    assertThat(backslash).contains("pct-slash").doesNotContain("pct-slash2");
  }

  @Test
  void aWildcardPatternFindsNothingItDoesNotSpell() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    // Before: '%' matched every row, and a%a%a%b made the database try every split.
    String page = admin.get("/audit?q=" + encode("%")).body();
    assertThat(page).doesNotContain("admin</td>");
    assertThat(admin.get("/audit?q=" + encode("a%a%a%b".repeat(40))).statusCode()).isEqualTo(200);
  }

  @Test
  void statementsHaveATimeout() {
    // The configured limit reaches the JdbcTemplate (and the JdbcClient built on it) ...
    assertThat(jdbc.getQueryTimeout()).isEqualTo(30);
    // ... and the database honours a statement timeout: a statement that would run for minutes
    // is cancelled.
    JdbcTemplate shortLimit = new JdbcTemplate(jdbc.getDataSource());
    shortLimit.setQueryTimeout(1);
    assertThatThrownBy(
            () ->
                shortLimit.queryForObject(
                    "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) r, department d"
                        + " WHERE REPEAT(d.name, 300) LIKE '%县%县%x%'",
                    Long.class))
        .isInstanceOf(QueryTimeoutException.class);
  }

  private static UserForm user(String name, String displayName) {
    return new UserForm(
        name, displayName, null, "", EnumSet.of(Role.LEADER), true, "search-123456");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
