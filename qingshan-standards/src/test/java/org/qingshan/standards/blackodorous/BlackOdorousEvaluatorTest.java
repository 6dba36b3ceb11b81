package org.qingshan.standards.blackodorous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.standards.blackodorous.BlackOdorousGrade.*;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thresholds of reference/standards.md §5 at and around each boundary. */
class BlackOdorousEvaluatorTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @ParameterizedTest(name = "SD {0} cm → {1}")
  @CsvSource({"25, NONE", "24.9, LIGHT", "10, LIGHT", "9.9, HEAVY"})
  void transparency(String sd, BlackOdorousGrade g) {
    assertThat(
            BlackOdorousEvaluator.grade(BlackOdorousSample.builder().transparencyCm(d(sd)).build()))
        .contains(g);
  }

  @ParameterizedTest(name = "DO {0} → {1}")
  @CsvSource({"2.0, NONE", "1.99, LIGHT", "0.2, LIGHT", "0.19, HEAVY"})
  void dissolvedOxygen(String v, BlackOdorousGrade g) {
    assertThat(
            BlackOdorousEvaluator.grade(BlackOdorousSample.builder().dissolvedOxygen(d(v)).build()))
        .contains(g);
  }

  @ParameterizedTest(name = "ORP {0} → {1}")
  @CsvSource({"50, NONE", "49, LIGHT", "-200, LIGHT", "-201, HEAVY"})
  void redoxPotential(String v, BlackOdorousGrade g) {
    assertThat(BlackOdorousEvaluator.grade(BlackOdorousSample.builder().orp(d(v)).build()))
        .contains(g);
  }

  @ParameterizedTest(name = "NH3-N {0} → {1}")
  @CsvSource({"8.0, NONE", "8.01, LIGHT", "15, LIGHT", "15.01, HEAVY"})
  void ammonia(String v, BlackOdorousGrade g) {
    assertThat(
            BlackOdorousEvaluator.grade(BlackOdorousSample.builder().ammoniaNitrogen(d(v)).build()))
        .contains(g);
  }

  @Test
  void shallowWaterUsesFortyPercentOfDepth() {
    BlackOdorousSample.Builder b = BlackOdorousSample.builder().waterDepthCm(d("20"));
    assertThat(BlackOdorousEvaluator.grade(b.transparencyCm(d("8")).build())).contains(LIGHT);
    assertThat(BlackOdorousEvaluator.grade(b.transparencyCm(d("7.9")).build())).contains(HEAVY);
    assertThat(BlackOdorousEvaluator.grade(b.clearToBottom(true).build())).contains(NONE);
  }

  @Test
  void sampleTakesTheWorstIndicator() {
    BlackOdorousSample s =
        BlackOdorousSample.builder()
            .transparencyCm(d("30"))
            .dissolvedOxygen(d("1.0"))
            .ammoniaNitrogen(d("16"))
            .build();
    assertThat(BlackOdorousEvaluator.grade(s)).contains(HEAVY);
    assertThat(BlackOdorousEvaluator.grade(BlackOdorousSample.builder().build())).isEmpty();
  }

  @Test
  void pointAggregation() {
    BlackOdorousSample heavyNh3 = BlackOdorousSample.builder().ammoniaNitrogen(d("20")).build();
    BlackOdorousSample lightNh3 = BlackOdorousSample.builder().ammoniaNitrogen(d("10")).build();
    // 3 of 5 heavy = 60 % → 重度; 2 of 5 → 轻度
    assertThat(
            BlackOdorousEvaluator.gradePoint(
                List.of(heavyNh3, heavyNh3, heavyNh3, lightNh3, lightNh3)))
        .contains(HEAVY);
    assertThat(
            BlackOdorousEvaluator.gradePoint(
                List.of(heavyNh3, heavyNh3, lightNh3, lightNh3, lightNh3)))
        .contains(LIGHT);
    // two indicators each at 30 % heavy → 重度
    BlackOdorousSample both =
        BlackOdorousSample.builder().ammoniaNitrogen(d("20")).dissolvedOxygen(d("0.1")).build();
    BlackOdorousSample clean =
        BlackOdorousSample.builder().ammoniaNitrogen(d("1")).dissolvedOxygen(d("5")).build();
    List<BlackOdorousSample> tenSamples =
        List.of(both, both, both, clean, clean, clean, clean, clean, clean, clean);
    assertThat(BlackOdorousEvaluator.gradePoint(tenSamples)).contains(HEAVY);
    assertThat(BlackOdorousEvaluator.gradePoint(Collections.nCopies(3, clean))).contains(NONE);
  }

  @Test
  void waterBodyHeavyWhenSixtyPercentOfPointsAre() {
    assertThat(BlackOdorousEvaluator.gradeWaterBody(List.of(HEAVY, HEAVY, HEAVY, LIGHT, NONE)))
        .contains(HEAVY);
    assertThat(BlackOdorousEvaluator.gradeWaterBody(List.of(HEAVY, HEAVY, LIGHT, LIGHT, NONE)))
        .contains(LIGHT);
    assertThat(BlackOdorousEvaluator.gradeWaterBody(List.of(NONE, NONE, NONE))).contains(NONE);
  }
}
