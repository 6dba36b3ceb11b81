package org.qingshan.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Departments scored by the configured weights of on-time and completion shares. */
class EvaluationScoreTest {
  @Test
  void theScoreIsTheWeightedMeanOfTheShares() {
    // 4 tasks, 3 on time (75 %), 1 done (25 %): 60 % × 75 + 40 % × 25 = 55
    assertThat(EvaluationService.score("县水利局", 4, 3, 1, 60, 40).score())
        .isEqualByComparingTo("55.0");
    // other weights, other score: 20 % × 75 + 80 % × 25 = 35
    assertThat(EvaluationService.score("县水利局", 4, 3, 1, 20, 80).score())
        .isEqualByComparingTo("35.0");
    assertThat(EvaluationService.score("县水利局", 2, 2, 2, 60, 40).score())
        .isEqualByComparingTo("100.0");
  }

  @Test
  void noTaskNoScore() {
    assertThat(EvaluationService.score("县林业局", 0, 0, 0, 60, 40).score()).isZero();
  }
}
