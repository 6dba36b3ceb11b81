package org.qingshan.plan.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

  @Test
  void keepsTheTextAndParsesTheNumber() {
    IndicatorValue spaced = IndicatorValue.of("4.812919 1", Optional.of(2020));
    assertThat(spaced.written()).isEqualTo("4.812919 1");
    assertThat(spaced.number()).hasValue(new BigDecimal("4.8129191"));
    assertThat(IndicatorValue.of("63.5%", Optional.empty()).number())
        .hasValue(new BigDecimal("63.5"));
    assertThat(IndicatorValue.of("[4.08]", Optional.empty()).number())
        .hasValue(new BigDecimal("4.08"));
    assertThat(IndicatorValue.of("≤35", Optional.empty()).number()).hasValue(new BigDecimal("35"));
    assertThat(IndicatorValue.of("完成市下达任务", Optional.empty()).number()).isEmpty();
    assertThat(IndicatorValue.of("—", Optional.empty()).isNone()).isTrue();
    assertThat(IndicatorValue.of("-", Optional.empty()).isNone()).isTrue();
  }
}
