package org.qingshan.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.indicator.IndicatorValue;
import org.qingshan.plan.task.Task;

/**
 * The measures of issue 16 for one imported plan against its gold: task accuracy (each gold
 * marker's task carries exactly its lead, support and responsible lists), responsibility pairs F1
 * (role and unit per gold task) and indicator rows read exactly.
 */
record PlanScore(
    String label,
    int right,
    int markers,
    int truePairs,
    int falsePairs,
    int missedPairs,
    List<String> misses) {

  double accuracy() {
    return markers == 0 ? 1.0 : (double) right / markers;
  }

  double pairsF1() {
    double precision =
        truePairs + falsePairs == 0 ? 1.0 : (double) truePairs / (truePairs + falsePairs);
    double recall =
        truePairs + missedPairs == 0 ? 1.0 : (double) truePairs / (truePairs + missedPairs);
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  static PlanScore of(String label, Plan plan, JsonNode gold, UnaryOperator<String> goldText) {
    int right = 0;
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<String> misses = new ArrayList<>();
    for (JsonNode marker : gold.get("markers")) {
      String hint = goldText.apply(marker.get("task_hint").asText());
      List<String> lead = strings(marker.get("lead"), goldText);
      List<String> support = strings(marker.get("support"), goldText);
      List<String> responsible = strings(marker.get("responsible"), goldText);
      Optional<Task> task =
          plan.tasks().stream()
              .filter(t -> startsWith(t, hint))
              .filter(
                  t ->
                      t.lead().equals(lead)
                          && t.support().equals(support)
                          && t.responsible().equals(responsible))
              .findFirst()
              .or(() -> plan.tasks().stream().filter(t -> startsWith(t, hint)).findFirst());
      Set<String> expected = pairs(lead, support, responsible);
      Set<String> actual =
          task.map(t -> pairs(t.lead(), t.support(), t.responsible())).orElse(Set.of());
      Set<String> common = new HashSet<>(expected);
      common.retainAll(actual);
      tp += common.size();
      fp += actual.size() - common.size();
      fn += expected.size() - common.size();
      if (task.isPresent()
          && actual.equals(expected)
          && task.get().lead().equals(lead)
          && task.get().support().equals(support)
          && task.get().responsible().equals(responsible)) {
        right++;
      } else {
        misses.add(
            hint
                + " → "
                + task.map(t -> t.lead() + "/" + t.support() + "/" + t.responsible())
                    .orElse("no task"));
      }
    }
    return new PlanScore(label, right, gold.get("markers").size(), tp, fp, fn, misses);
  }

  private static boolean startsWith(Task task, String hint) {
    return task.text().startsWith(hint)
        || task.title().map(title -> (title + "。" + task.text()).startsWith(hint)).orElse(false)
        || task.title()
            .map(title -> (title + "。" + title + "。" + task.text()).startsWith(hint))
            .orElse(false);
  }

  private static Set<String> pairs(
      List<String> lead, List<String> support, List<String> responsible) {
    Set<String> pairs = new HashSet<>();
    lead.forEach(n -> pairs.add("lead:" + n));
    support.forEach(n -> pairs.add("support:" + n));
    responsible.forEach(n -> pairs.add("responsible:" + n));
    return pairs;
  }

  private static List<String> strings(JsonNode array, UnaryOperator<String> goldText) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(goldText.apply(v.asText())));
    return values;
  }

  /** Gold indicator rows as "no | category | name | unit | baseline | target | attribute". */
  static List<String> goldRows(JsonNode gold, UnaryOperator<String> goldText) {
    List<String> rows = new ArrayList<>();
    gold.get("indicators")
        .forEach(
            row ->
                rows.add(
                    String.join(
                        " | ",
                        field(row, "no", goldText),
                        field(row, "category", goldText),
                        field(row, "name", goldText),
                        field(row, "unit", goldText),
                        field(row, "baseline", goldText),
                        field(row, "target", goldText),
                        field(row, "attribute", goldText))));
    return rows;
  }

  private static String field(JsonNode row, String name, UnaryOperator<String> goldText) {
    JsonNode value = row.get(name);
    return value == null || value.isNull() ? "null" : goldText.apply(value.asText());
  }

  static List<String> rows(Plan plan) {
    return plan.indicators().stream().map(PlanScore::row).toList();
  }

  static String row(IndicatorTarget row) {
    return String.join(
        " | ",
        row.no(),
        row.category().orElse("null"),
        row.name(),
        row.unit().orElse("null"),
        row.baseline().map(IndicatorValue::written).orElse("null"),
        row.target().map(IndicatorValue::written).orElse("null"),
        row.attribute().orElse("null"));
  }

  /** Rows of {@code actual} equal to the gold row at the same place. */
  static int rowsRight(List<String> expected, List<String> actual) {
    int right = 0;
    for (int i = 0; i < expected.size() && i < actual.size(); i++) {
      if (expected.get(i).equals(actual.get(i))) {
        right++;
      }
    }
    return right;
  }

  String line(int rowsRight, int rowsGold) {
    return String.format(
        "[score] %s: task accuracy %d/%d = %.3f; pairs F1 %.3f; indicators %d of %d; misses %s",
        label, right, markers, accuracy(), pairsF1(), rowsRight, rowsGold, misses);
  }
}
