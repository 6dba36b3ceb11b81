package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.indicator.IndicatorValue;
import org.qingshan.plan.task.Task;

/**
 * The measures of the issue against the hand-checked gold annotations: for each gold marker, the
 * task whose text starts with the governed text must carry exactly the gold lead, support and
 * responsible lists; the Guanxian indicator rows must match exactly; Dongchangfu's table is
 * missing.
 */
class GoldAnnotationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void guanxianTasksCarryTheGoldOwners() throws Exception {
    assertThat(accuracy("guanxian-2021-2025")).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void dongchangfuTasksCarryTheGoldOwners() throws Exception {
    assertThat(accuracy("dongchangfu-2021-2025")).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void guanxianIndicatorRowsMatchExactly() throws Exception {
    Plan plan = new PlanImporter().importFile(SharedPlans.plan("guanxian-2021-2025.txt"));
    JsonNode gold = gold("guanxian-2021-2025");
    List<String> expected = new ArrayList<>();
    gold.get("indicators").forEach(row -> expected.add(goldRow(row)));
    List<String> actual = plan.indicators().stream().map(GoldAnnotationTest::row).toList();
    assertThat(plan.indicatorTableMissing()).isFalse();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void dongchangfuReportsItsIndicatorTableMissing() throws Exception {
    Plan plan = new PlanImporter().importFile(SharedPlans.plan("dongchangfu-2021-2025.txt"));
    assertThat(gold("dongchangfu-2021-2025").get("indicator_table_missing").asBoolean()).isTrue();
    assertThat(plan.indicatorTableMissing()).isTrue();
    assertThat(plan.indicators()).isEmpty();
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w.message()).contains("指标表缺失"));
  }

  private static double accuracy(String name) throws Exception {
    Plan plan = new PlanImporter().importFile(SharedPlans.plan(name + ".txt"));
    List<Task> tasks = plan.tasks();
    JsonNode markers = gold(name).get("markers");
    int right = 0;
    List<String> misses = new ArrayList<>();
    for (JsonNode marker : markers) {
      String hint = marker.get("task_hint").asText();
      boolean found =
          tasks.stream()
              .filter(t -> t.text().startsWith(hint))
              .anyMatch(
                  t ->
                      t.lead().equals(strings(marker.get("lead")))
                          && t.support().equals(strings(marker.get("support")))
                          && t.responsible().equals(strings(marker.get("responsible"))));
      if (found) {
        right++;
      } else {
        misses.add(marker.get("line").asInt() + " " + hint);
      }
    }
    double accuracy = (double) right / markers.size();
    System.out.printf(
        "[gold] %s: task accuracy %d/%d = %.4f over gold markers; %d tasks imported; misses %s%n",
        name, right, markers.size(), accuracy, tasks.size(), misses);
    return accuracy;
  }

  private static JsonNode gold(String name) throws IOException {
    return JSON.readTree(SharedPlans.plan(name + ".gold.json").toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String goldRow(JsonNode row) {
    return String.join(
        " | ",
        text(row, "no"),
        text(row, "category"),
        text(row, "name"),
        text(row, "unit"),
        text(row, "baseline"),
        text(row, "target"),
        text(row, "attribute"));
  }

  private static String text(JsonNode row, String field) {
    JsonNode value = row.get(field);
    return value == null || value.isNull() ? "null" : value.asText();
  }

  private static String row(IndicatorTarget row) {
    return String.join(
        " | ",
        row.no(),
        row.category().orElse("null"),
        row.name(),
        row.unit().orElse("null"),
        row.baseline().map(IndicatorValue::written).orElse("null"),
        row.target().map(IndicatorValue::written).orElse("null"),
        Objects.requireNonNullElse(row.attribute().orElse(null), "null"));
  }
}
