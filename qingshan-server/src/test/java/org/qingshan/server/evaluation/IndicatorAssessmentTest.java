package org.qingshan.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.server.evaluation.EvaluationIndicatorStatus.BEHIND;
import static org.qingshan.server.evaluation.EvaluationIndicatorStatus.ON_TRACK;
import static org.qingshan.server.evaluation.EvaluationIndicatorStatus.UNKNOWN;
import static org.qingshan.server.evaluation.EvaluationIndicatorStatus.WARNING;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IndicatorAssessmentTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void theTrajectoryRunsStraightFromBaselineToTarget() {
    assertThat(IndicatorAssessment.needed(d("60"), 2022, d("80"), 2026, 2024))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("70"));
    assertThat(IndicatorAssessment.needed(d("60"), 2022, d("80"), 2026, 2030))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("80"));
    assertThat(IndicatorAssessment.needed(d("60"), 2022, d("80"), 2022, 2024)).isEmpty();
  }

  @Test
  void higherIsBetterWhenTheTargetIsAboveTheBaseline() {
    // needed in 2024: 70
    assertThat(IndicatorAssessment.assess(d("60"), 2022, d("80"), 2026, 2024, d("70")))
        .isEqualTo(ON_TRACK);
    assertThat(IndicatorAssessment.assess(d("60"), 2022, d("80"), 2026, 2024, d("66")))
        .isEqualTo(BEHIND);
    assertThat(IndicatorAssessment.assess(d("60"), 2022, d("80"), 2026, 2024, d("64")))
        .isEqualTo(WARNING);
    assertThat(IndicatorAssessment.assess(d("60"), 2022, d("80"), 2026, 2024, d("58")))
        .isEqualTo(WARNING);
  }

  @Test
  void lowerIsBetterWhenTheTargetIsBelowTheBaseline() {
    // PM2.5 42 → 38 over 2022–2025: 2024 needs 39.33
    assertThat(IndicatorAssessment.assess(d("42"), 2022, d("38"), 2025, 2024, d("39")))
        .isEqualTo(ON_TRACK);
    assertThat(IndicatorAssessment.assess(d("42"), 2022, d("38"), 2025, 2024, d("39.6")))
        .isEqualTo(BEHIND);
    assertThat(IndicatorAssessment.assess(d("42"), 2022, d("38"), 2025, 2024, d("43")))
        .isEqualTo(WARNING);
  }

  @Test
  void withoutALineThereIsNoJudgement() {
    assertThat(IndicatorAssessment.assess(d("1"), 2025, d("2"), 2025, 2025, d("2")))
        .isEqualTo(UNKNOWN);
  }

  @Test
  void numbersAreReadFromThePlansTable() {
    assertThat(IndicatorAssessment.number("70.5"))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("70.5"));
    assertThat(IndicatorAssessment.number("≥80%"))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("80"));
    assertThat(IndicatorAssessment.number("完成市下达任务")).isEmpty();
    assertThat(IndicatorAssessment.number(null)).isEmpty();
  }
}
