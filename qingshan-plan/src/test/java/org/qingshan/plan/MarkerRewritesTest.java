package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared plans with every marker rewritten, in turn, into the grammars of issue 16 (…参与, 会同,
 * leads joined by 牵头、, lead with 按职责分工负责, 责任单位 lists joined by 、), built at run time from the gold:
 * who does what stays the same, so the gold still holds.
 */
class MarkerRewritesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"guanxian-2021-2025", "dongchangfu-2021-2025"})
  void everyGrammarGivesTheGoldOwners(String name) throws Exception {
    String text = Files.readString(SharedPlans.plan(name + ".txt"), StandardCharsets.UTF_8);
    JsonNode gold = JSON.readTree(SharedPlans.plan(name + ".gold.json").toFile());
    int rewritten = 0;
    int turn = 0;
    for (JsonNode marker : gold.get("markers")) {
      String raw = marker.get("raw").asText();
      if (raw.contains("以下") || !text.contains(raw)) {
        continue;
      }
      String grammar =
          rewrite(
              strings(marker.get("lead")),
              strings(marker.get("support")),
              strings(marker.get("responsible")),
              turn++);
      if (grammar != null) {
        text = text.replace(raw, grammar);
        rewritten++;
      }
    }
    assertThat(rewritten).isGreaterThan(gold.get("markers").size() * 3 / 4);
    Plan plan =
        new PlanImporter().importBytes(name + ".txt", text.getBytes(StandardCharsets.UTF_8));
    PlanScore score =
        PlanScore.of(name + " markers rewritten", plan, gold, GoldAnnotationTest::withoutLeftovers);
    System.out.println(score.line(0, 0) + " (" + rewritten + " markers rewritten)");
    assertThat(score.accuracy()).isGreaterThanOrEqualTo(0.99);
    assertThat(score.pairsF1()).isGreaterThanOrEqualTo(0.99);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"guanxian-2021-2025", "dongchangfu-2021-2025"})
  void theSharedPlansAsTheyAre(String name) throws Exception {
    JsonNode gold = JSON.readTree(SharedPlans.plan(name + ".gold.json").toFile());
    Plan plan = new PlanImporter().importFile(SharedPlans.plan(name + ".txt"));
    PlanScore score = PlanScore.of(name, plan, gold, GoldAnnotationTest::withoutLeftovers);
    List<String> expected = PlanScore.goldRows(gold, GoldAnnotationTest::withoutLeftovers);
    System.out.println(
        score.line(PlanScore.rowsRight(expected, PlanScore.rows(plan)), expected.size()));
    assertThat(score.accuracy()).isEqualTo(1.0);
    assertThat(score.pairsF1()).isEqualTo(1.0);
  }

  /**
   * The marker in one of the other grammars, chosen by turn; null when the roles do not fit one.
   */
  static String rewrite(
      List<String> lead, List<String> support, List<String> responsible, int turn) {
    String l = String.join("、", lead);
    String s = String.join("、", support);
    if (!lead.isEmpty() && !support.isEmpty() && responsible.isEmpty()) {
      return switch (turn % 4) {
        case 0 -> "（" + l + "牵头，" + s + "参与）";
        case 1 -> "（" + l + "会同" + s + "负责）";
        case 2 -> "（" + l + "牵头，" + s + "按职责分工负责）";
        default -> "（" + String.join("牵头、", lead) + "牵头、" + s + "配合）";
      };
    }
    if (!lead.isEmpty() && support.isEmpty() && responsible.isEmpty()) {
      return "（" + l + "牵头）";
    }
    if (lead.isEmpty() && support.isEmpty() && !responsible.isEmpty()) {
      String r = String.join("、", responsible);
      return turn % 2 == 0 ? "（" + r + "按职责分工负责）" : "（责任单位：" + r + "）";
    }
    return null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
