package org.qingshan.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.server.department.DepartmentNames;

/**
 * The department alias table of the configured database, read once for a command-line import, so
 * that {@code ./qingshan plan import} resolves names the way the server does without starting it.
 * The database is the one {@code serve} uses: {@code QINGSHAN_DB_URL}, or the embedded database
 * under {@code QINGSHAN_DATA_DIR} (default {@code ./data}); an embedded one is never created here.
 */
final class AliasTableDirectory implements DepartmentDirectory {
  private final int size;
  private final DepartmentDirectory directory;

  /**
   * Names match as the upload page matches them: the alias as written, else the usual short forms
   * ({@code 县X局}, {@code X局}, {@code 住房城乡建设局}); the county of the plan is not known before it is
   * read, so a county's own name before a department's is left to the review.
   */
  private AliasTableDirectory(Map<String, String> idByAlias) {
    this.size = idByAlias.size();
    this.directory =
        DepartmentDirectory.ofAliases(idByAlias, DepartmentNames::normalize, Optional.empty());
  }

  @Override
  public Optional<String> resolve(String nameAsWritten) {
    return directory.resolve(nameAsWritten);
  }

  int size() {
    return size;
  }

  /** The configured database's aliases, or empty when there is no database to read. */
  static Optional<AliasTableDirectory> fromEnvironment(Map<String, String> env) {
    Optional<String> url = Optional.ofNullable(env.get("QINGSHAN_DB_URL"));
    if (url.isEmpty()) {
      Path dir = Path.of(env.getOrDefault("QINGSHAN_DATA_DIR", "data")).toAbsolutePath();
      if (!Files.exists(dir.resolve("qingshan.mv.db"))) {
        return Optional.empty();
      }
      url =
          Optional.of(
              "jdbc:h2:file:"
                  + dir.resolve("qingshan")
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
    }
    return read(
        url.get(),
        env.getOrDefault("QINGSHAN_DB_USER", "sa"),
        env.getOrDefault("QINGSHAN_DB_PASSWORD", ""));
  }

  static Optional<AliasTableDirectory> read(String url, String user, String password) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.alias, a.department_id FROM department_alias a"
                    + " JOIN department d ON d.id = a.department_id WHERE d.merged_into IS NULL")) {
      Map<String, String> map = new HashMap<>();
      while (rs.next()) {
        map.putIfAbsent(rs.getString(1), Long.toString(rs.getLong(2)));
      }
      return Optional.of(new AliasTableDirectory(map));
    } catch (SQLException e) {
      // No readable alias table (a server running on the embedded file, no schema yet): names go
      // to review, as without a database.
      return Optional.empty();
    }
  }
}
