package org.qingshan.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A schema of the test PostgreSQL database that one test class has to itself: emptied before the
 * class runs (migrations then build it afresh), and named in the server's database address.
 */
public final class PostgresSchema {
  private PostgresSchema() {}

  /** Drops and creates the schema; skips the class (fails where required) if there is no server. */
  public static void freshOrSkip(String schema) {
    boolean reachable;
    try (Connection c =
            DriverManager.getConnection(
                PostgresAvailable.URL, PostgresAvailable.USER, PostgresAvailable.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
      reachable = true;
    } catch (SQLException e) {
      reachable = false;
    }
    TestEnvironment.requireOrSkip(
        "postgres", reachable, "PostgreSQL is not reachable at " + PostgresAvailable.URL);
  }

  /** Points the server under test at the schema, for a {@code @DynamicPropertySource} method. */
  public static void use(String schema, DynamicPropertyRegistry registry) {
    String url =
        PostgresAvailable.URL
            + (PostgresAvailable.URL.contains("?") ? "&" : "?")
            + "currentSchema="
            + schema;
    registry.add("qingshan.db.url", () -> url);
    registry.add("qingshan.db.user", () -> PostgresAvailable.USER);
    registry.add("qingshan.db.password", () -> PostgresAvailable.PASSWORD);
  }
}
