package org.qingshan.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasinEvaluatorTest {
  /** NH3N values giving each class: I 0.1, II 0.4, III 0.9, IV 1.4, V 1.9, 劣V 3. */
  private static final String[] NH3N = {"0.1", "0.4", "0.9", "1.4", "1.9", "3"};

  private static List<Map<WaterItem, BigDecimal>> sections(int... perClass) {
    List<Map<WaterItem, BigDecimal>> list = new ArrayList<>();
    for (int c = 0; c < perClass.length; c++) {
      for (int i = 0; i < perClass[c]; i++) {
        list.add(Map.of(WaterItem.NH3N, new BigDecimal(NH3N[c])));
      }
    }
    return list;
  }

  @ParameterizedTest(name = "I/II/III/IV/V/劣V = {0},{1},{2},{3},{4},{5} → {6}")
  @CsvSource({
    "9,0,0,1,0,0, 优", // 90 %
    "8,0,0,2,0,0, 良好", // 80 %
    "0,0,9,0,0,1, 优",
    "15,0,0,5,0,0, 良好", // 75 % exactly
    "14,0,0,6,0,0, 轻度污染", // 70 %, 劣V 0
    "7,0,0,1,0,2, 中度污染", // 70 %, 劣V 20 %
    "6,0,0,0,0,4, 重度污染", // 60 %, 劣V 40 %: corner, Shenzhen wording
    "5,0,0,2,0,3, 中度污染", // 劣V 30 %
    "3,0,0,3,0,4, 重度污染",
  })
  void classProportionMethod(int i, int ii, int iii, int iv, int v, int worse, String expected) {
    List<Map<WaterItem, BigDecimal>> s = sections(i, ii, iii, iv, v, worse);
    BasinEvaluation e = BasinEvaluator.evaluate(s, WaterBodyType.RIVER);
    assertThat(e.method()).isEqualTo(BasinEvaluation.Method.CLASS_PROPORTION);
    assertThat(e.quality()).isEqualTo(expected);
  }

  @Test
  void fewerThanFiveSectionsAverageTheItems() {
    // NH3N 0.1, 0.1, 0.1, 1.9 → mean 0.55 → III (良好), though one section is V
    BasinEvaluation e = BasinEvaluator.evaluate(sections(3, 0, 0, 0, 1, 0), WaterBodyType.RIVER);
    assertThat(e.method()).isEqualTo(BasinEvaluation.Method.MEAN_OF_SECTIONS);
    assertThat(e.meanClass()).contains(WaterClass.III);
    assertThat(e.quality()).isEqualTo("良好");
    assertThat(e.shareAtOrBetterThanIII()).isEqualByComparingTo("75.0");
  }

  @Test
  void headlineSharesAndExceedanceRates() {
    // 3 good, 1 IV, 2 劣V of 6 sections
    BasinEvaluation e = BasinEvaluator.evaluate(sections(1, 1, 1, 1, 0, 2), WaterBodyType.RIVER);
    assertThat(e.shareAtOrBetterThanIII()).isEqualByComparingTo("50.0");
    assertThat(e.shareWorseThanV()).isEqualByComparingTo("33.3");
    assertThat(e.exceedanceRates()).containsEntry(WaterItem.NH3N, new BigDecimal("50.0"));
    assertThat(e.mainPollutants()).containsExactly(WaterItem.NH3N);
    assertThat(e.quality()).isEqualTo("中度污染");
  }

  @Test
  void fiveSectionsUseTheProportionMethod() {
    BasinEvaluation e = BasinEvaluator.evaluate(sections(4, 0, 0, 0, 1, 0), WaterBodyType.RIVER);
    assertThat(e.method()).isEqualTo(BasinEvaluation.Method.CLASS_PROPORTION);
    assertThat(e.quality()).isEqualTo("良好"); // 80 %
  }

  @Test
  void headlineSharesOfSectionResultsIgnoreUnclassifiedSections() {
    List<WaterQuality> results = new ArrayList<>();
    for (Map<WaterItem, BigDecimal> s : sections(1, 0, 2, 0, 0, 1)) {
      results.add(WaterQualityEvaluator.evaluate(s, WaterBodyType.RIVER, WaterClass.III));
    }
    results.add(
        WaterQualityEvaluator.evaluate(
            Map.of(WaterItem.TN, new BigDecimal("3")), WaterBodyType.RIVER, WaterClass.III));
    assertThat(BasinEvaluator.shareAtOrBetterThanIII(results)).isEqualByComparingTo("75.0");
    assertThat(BasinEvaluator.shareWorseThanV(results)).isEqualByComparingTo("25.0");
  }
}
