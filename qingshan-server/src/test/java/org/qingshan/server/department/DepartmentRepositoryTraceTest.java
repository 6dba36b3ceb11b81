package org.qingshan.server.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Reading departments makes no failing JDBC call: H2 writes each one, even one the caller recovers
 * from, with a stack trace to its trace file, which grew by one for every department row shown.
 */
class DepartmentRepositoryTraceTest {
  @TempDir Path dir;

  @Test
  void readingAliasesLeavesNoTraceFile() throws IOException {
    String url =
        "jdbc:h2:file:"
            + dir.resolve("qingshan").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    SingleConnectionDataSource ds = new SingleConnectionDataSource(url, "sa", "", true);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    DepartmentRepository departments = new DepartmentRepository(JdbcClient.create(ds));
    long id = departments.insert(Optional.empty(), "县生态环境局", DepartmentKind.values()[0], 1);
    departments.insertAlias(id, "环保局");

    assertThat(departments.allAliases()).extracting(DepartmentAlias::alias).contains("环保局");
    assertThat(departments.aliasesOf(id)).hasSize(1);

    Path trace = dir.resolve("qingshan.trace.db");
    try {
      assertThat(trace).as(Files.exists(trace) ? Files.readString(trace) : "").doesNotExist();
    } finally {
      ds.destroy();
    }
  }
}
