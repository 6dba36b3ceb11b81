package org.qingshan.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The baseline and target cells of the indicator table: a year only beside a value. */
class EvaluationCellTest {
  @Test
  void aValueIsWrittenWithItsYear() {
    assertThat(EvaluationService.withYear(Optional.of("42"), Optional.of(2020)))
        .isEqualTo("42（2020年）");
    assertThat(EvaluationService.withYear(Optional.of("≥80"), Optional.empty())).isEqualTo("≥80");
  }

  @Test
  void noValueIsADashAloneWithoutTheYear() {
    assertThat(EvaluationService.withYear(Optional.empty(), Optional.of(2020))).isEqualTo("—");
    assertThat(EvaluationService.withYear(Optional.of(" "), Optional.of(2020))).isEqualTo("—");
    assertThat(EvaluationService.withYear(Optional.of("—"), Optional.of(2020))).isEqualTo("—");
  }
}
