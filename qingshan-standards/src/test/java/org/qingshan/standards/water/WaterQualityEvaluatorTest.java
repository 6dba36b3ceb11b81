package org.qingshan.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterQualityEvaluatorTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void sectionClassIsTheWorstEvaluationItem() {
    WaterQuality q =
        WaterQualityEvaluator.evaluate(
            Map.of(
                WaterItem.PH, d("7.5"),
                WaterItem.DO, d("6.5"), // II
                WaterItem.NH3N, d("1.3"), // IV
                WaterItem.TP, d("0.15"), // III
                WaterItem.TN, d("5"), // 劣V but TN does not decide the class
                WaterItem.FECAL_COLIFORM, d("50000")), // 劣V, separate
            WaterBodyType.RIVER,
            WaterClass.III);
    assertThat(q.waterClass()).contains(WaterClass.IV);
    assertThat(q.meetsTarget()).isFalse();
    assertThat(q.overTarget()).extracting(ItemClass::item).containsExactly(WaterItem.NH3N);
    assertThat(q.overTarget().get(0).multiple()).contains(d("0.30")); // (1.3 − 1.0)/1.0
    assertThat(q.item(WaterItem.TN).orElseThrow().waterClass()).isEqualTo(WaterClass.WORSE_THAN_V);
    assertThat(q.mainPollutants()).extracting(ItemClass::item).containsExactly(WaterItem.NH3N);
  }

  @Test
  void classThreeOrBetterHasNoMainPollutants() {
    WaterQuality q =
        WaterQualityEvaluator.evaluate(
            Map.of(WaterItem.NH3N, d("1.0"), WaterItem.COD, d("20")),
            WaterBodyType.RIVER,
            WaterClass.II);
    assertThat(q.waterClass()).contains(WaterClass.III);
    assertThat(q.mainPollutants()).isEmpty();
    assertThat(q.meetsTarget()).isFalse(); // target II
    assertThat(q.overTarget())
        .extracting(ItemClass::item)
        .containsExactly(WaterItem.NH3N, WaterItem.COD); // multiples over II: 1.00, 0.33
  }

  @Test
  void mainPollutantsPutHeavyMetalsFirstThenWorstClassThenLargestMultiple() {
    WaterQuality q =
        WaterQualityEvaluator.evaluate(
            Map.of(
                WaterItem.COD, d("50"), // 劣V, multiple 1.50
                WaterItem.NH3N, d("2.5"), // 劣V, multiple 1.50 … 2.5 → (2.5−1)/1 = 1.50
                WaterItem.TP, d("0.9"), // 劣V, (0.9−0.2)/0.2 = 3.50
                WaterItem.PB, d("0.08"), // V, priority
                WaterItem.DO, d("1")), // 劣V, no multiple
            WaterBodyType.RIVER,
            WaterClass.III);
    assertThat(q.waterClass()).contains(WaterClass.WORSE_THAN_V);
    assertThat(q.mainPollutants())
        .extracting(ItemClass::item)
        .containsExactly(WaterItem.PB, WaterItem.TP, WaterItem.COD);
  }

  @Test
  void lakeUsesLakePhosphorusLimits() {
    Map<WaterItem, BigDecimal> v = Map.of(WaterItem.TP, d("0.08"));
    assertThat(WaterQualityEvaluator.evaluate(v, WaterBodyType.RIVER, WaterClass.III).waterClass())
        .contains(WaterClass.II);
    assertThat(WaterQualityEvaluator.evaluate(v, WaterBodyType.LAKE, WaterClass.III).waterClass())
        .contains(WaterClass.IV);
  }

  @Test
  void periodClassComesFromTheMeanOfEachItem() {
    // NH3N samples 0.9, 1.2, 0.9 → mean 1.0 → III (not IV from the worst sample)
    WaterQuality q =
        WaterQualityEvaluator.evaluatePeriod(
            List.of(
                Map.of(WaterItem.NH3N, d("0.9")),
                Map.of(WaterItem.NH3N, d("1.2"), WaterItem.COD, d("16")),
                Map.of(WaterItem.NH3N, d("0.9"))),
            WaterBodyType.RIVER,
            WaterClass.III);
    assertThat(q.waterClass()).contains(WaterClass.III);
    assertThat(q.item(WaterItem.COD).orElseThrow().value()).isEqualByComparingTo("16");
    // 1.0 + 1.0 + 1.0000003 → mean just over 1.0 → IV
    WaterQuality over =
        WaterQualityEvaluator.evaluatePeriod(
            List.of(
                Map.of(WaterItem.NH3N, d("1.0")),
                Map.of(WaterItem.NH3N, d("1.0")),
                Map.of(WaterItem.NH3N, d("1.0000003"))),
            WaterBodyType.RIVER,
            WaterClass.III);
    assertThat(over.waterClass()).contains(WaterClass.IV);
  }

  @Test
  void nothingMeasuredHasNoClass() {
    WaterQuality q =
        WaterQualityEvaluator.evaluate(
            Map.of(WaterItem.TN, d("0.3")), WaterBodyType.LAKE, WaterClass.III);
    assertThat(q.waterClass()).isEmpty();
    assertThat(q.meetsTarget()).isFalse();
  }
}
