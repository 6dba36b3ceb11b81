package org.qingshan.standards.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "2013-01-01, GB3095_2012",
    "2026-02-28, GB3095_2012",
    "2026-03-01, GB3095_2026_TRANSITION",
    "2030-12-31, GB3095_2026_TRANSITION",
    "2031-01-01, GB3095_2026_FINAL",
    "2040-06-01, GB3095_2026_FINAL"
  })
  void dateChoosesTheRegime(LocalDate date, RuleSet expected) {
    assertThat(RuleSet.forDate(date)).isEqualTo(expected);
  }

  @Test
  void regimesNameTheirStandards() {
    assertThat(RuleSet.GB3095_2012.aqi()).isEqualTo(AqiStandard.HJ633_2012);
    assertThat(RuleSet.GB3095_2012.evaluation()).isEqualTo(EvaluationStandard.HJ663_2013);
    assertThat(RuleSet.GB3095_2026_FINAL.aqi()).isEqualTo(AqiStandard.HJ633_2026);
    assertThat(RuleSet.GB3095_2026_TRANSITION.label()).contains("过渡阶段", "HJ 633—2026");
    assertThat(RuleSet.GB3095_2026_TRANSITION.effectiveUntil())
        .contains(LocalDate.of(2030, 12, 31));
    assertThat(RuleSet.GB3095_2012.effectiveFrom()).isEmpty();
    assertThat(AqiStandard.fromCode("hj633-2026")).contains(AqiStandard.HJ633_2026);
    assertThat(AqiStandard.fromCode("HJ633-2019")).isEmpty();
  }
}
