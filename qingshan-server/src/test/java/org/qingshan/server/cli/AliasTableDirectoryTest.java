package org.qingshan.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.cli.PlanImportCommand;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.support.DemoServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code plan import} resolves names through the same alias table the server uses. */
@DemoServerTest
class AliasTableDirectoryTest {
  static final String DEMO_DB =
      "jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
          + "DB_CLOSE_DELAY=-1";

  @Autowired DepartmentService departments;

  @Test
  void resolvesEverySpellingOfTheAliasTable() {
    AliasTableDirectory directory = AliasTableDirectory.read(DEMO_DB, "sa", "").orElseThrow();
    String housing = Long.toString(departments.resolve("县住房和城乡建设局").orElseThrow().id());
    assertThat(directory.resolve("县住建局")).contains(housing);
    assertThat(directory.resolve(" 县住房城乡建设局 ")).contains(housing);
    // the usual short forms, as the upload page matches them
    assertThat(directory.resolve("住房城乡建设局")).contains(housing);
    assertThat(directory.resolve("外县的局")).isEmpty();
  }

  @Test
  void noDatabaseMeansNoDirectory() {
    assertThat(
            AliasTableDirectory.fromEnvironment(
                Map.of("QINGSHAN_DATA_DIR", "target/no-such-data-dir")))
        .isEmpty();
    assertThat(AliasTableDirectory.read("jdbc:h2:mem:empty-" + System.nanoTime(), "sa", ""))
        .isEmpty();
  }

  @Test
  void anImportedPlanCarriesDepartmentIdsOfTheAliasTable() throws Exception {
    Path plan =
        Path.of(System.getProperty("qingshan.shared.dir", "../../shared"))
            .resolve("plans/guanxian-2021-2025.txt");
    Assumptions.assumeTrue(
        Files.exists(plan), "shared plans not found at " + plan + "; skipping the import test");
    AliasTableDirectory directory = AliasTableDirectory.read(DEMO_DB, "sa", "").orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        PlanImportCommand.run(
            List.of(plan.toString(), "--json"),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            directory);
    assertThat(code).isZero();
    List<JsonNode> resolved = new ArrayList<>();
    collect(new ObjectMapper().readTree(out.toByteArray()).path("sections"), resolved);
    assertThat(resolved).as("departments resolved through the alias table").isNotEmpty();
    for (JsonNode d : resolved) {
      long id = Long.parseLong(d.path("departmentId").asText());
      assertThat(departments.find(id)).isPresent();
      assertThat(directory.resolve(d.path("name").asText())).contains(Long.toString(id));
    }
  }

  private static void collect(JsonNode sections, List<JsonNode> into) {
    for (JsonNode section : sections) {
      for (JsonNode task : section.path("tasks")) {
        for (JsonNode d : task.path("departments")) {
          if (!d.path("departmentId").isNull() && !d.path("departmentId").isMissingNode()) {
            into.add(d);
          }
        }
      }
      collect(section.path("sections"), into);
    }
  }
}
