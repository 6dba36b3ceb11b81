package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small plans written for these tests in other provinces' styles (test resources {@code plans/},
 * with hand-made gold): pipe rows with a two-line header and a 性质 column, space-aligned columns
 * with group rows on lines of their own, an HTML table with merged cells; two to five markers in
 * one paragraph, 会同, …参与, leads joined by 、 before 牵头 or by 牵头、, a truncated unit name.
 */
class OwnPlansTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "east-county-2021-2025.txt",
        "south-district-2021-2025.txt",
        "west-county-2021-2025.html"
      })
  void readsEveryTaskAndIndicator(String file) throws Exception {
    byte[] bytes = resource("plans/" + file);
    JsonNode gold =
        JSON.readTree(resource("plans/" + file.replaceAll("\\.[a-z]+$", "") + ".gold.json"));
    Plan plan = new PlanImporter().importBytes(file, bytes);
    PlanScore score = PlanScore.of(file, plan, gold, UnaryOperator.identity());
    List<String> expected = PlanScore.goldRows(gold, UnaryOperator.identity());
    List<String> actual = PlanScore.rows(plan);
    System.out.println(score.line(PlanScore.rowsRight(expected, actual), expected.size()));
    assertThat(score.misses()).isEmpty();
    assertThat(score.pairsF1()).isEqualTo(1.0);
    assertThat(plan.indicatorTableMissing()).isFalse();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "east-county-2021-2025.txt|清溪县生态环境保护“十四五”规划",
        "south-district-2021-2025.txt|榕湾区生态环境保护“十四五”规划（2021—2025年）",
        "west-county-2021-2025.html|岷川县“十四五”生态环境保护规划"
      })
  void titleAndPeriod(String fileAndTitle) throws Exception {
    String[] parts = fileAndTitle.split("\\|");
    Plan plan = new PlanImporter().importBytes(parts[0], resource("plans/" + parts[0]));
    assertThat(plan.title()).isEqualTo(parts[1]);
    assertThat(plan.period()).hasValue(new org.qingshan.plan.common.PlanPeriod(2021, 2025));
  }

  @org.junit.jupiter.api.Test
  void theTruncatedNameIsKeptAndFlagged() throws Exception {
    Plan plan =
        new PlanImporter()
            .importBytes(
                "south-district-2021-2025.txt", resource("plans/south-district-2021-2025.txt"));
    assertThat(plan.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("不像完整的机构名称", "区商"));
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = OwnPlansTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("test resource missing: " + name);
      }
      return in.readAllBytes();
    }
  }
}
