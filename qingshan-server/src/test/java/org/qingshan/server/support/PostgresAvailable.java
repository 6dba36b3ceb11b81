package org.qingshan.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** Skips a test class when the test PostgreSQL server does not answer. */
public final class PostgresAvailable extends EnvironmentCondition {
  public static final String URL =
      System.getProperty(
          "qingshan.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/qingshan_test");
  public static final String USER = System.getProperty("qingshan.test.postgres.user", "qingshan");
  public static final String PASSWORD =
      System.getProperty("qingshan.test.postgres.password", "qingshan");

  PostgresAvailable() {
    super("postgres");
  }

  @Override
  Optional<String> missing() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("PostgreSQL is not reachable at " + URL + " as " + USER);
    }
  }
}
