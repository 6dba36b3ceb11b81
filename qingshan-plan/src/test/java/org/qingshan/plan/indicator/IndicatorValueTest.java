package org.qingshan.plan.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorValueTest {

  @Test
  void keepsTheTextAndParsesTheNumber() {
    IndicatorValue spaced = IndicatorValue.of("4.812919 1", Optional.of(2020));
    // A footnote number set beside the value is the footnote, not a digit of the value.
    assertThat(spaced.written()).isEqualTo("4.812919");
    assertThat(spaced.number()).hasValue(new BigDecimal("4.812919"));
    assertThat(spaced.footnote()).hasValue("1");
    IndicatorValue circled = IndicatorValue.of("43①", Optional.empty());
    assertThat(circled.written()).isEqualTo("43");
    assertThat(circled.footnote()).hasValue("①");
    IndicatorValue remark = IndicatorValue.of("25（1个省控断面、3个市控断面）", Optional.empty());
    assertThat(remark.written()).isEqualTo("25（1个省控断面、3个市控断面）");
    assertThat(remark.number()).hasValue(new BigDecimal("25"));
    assertThat(IndicatorValue.of("80*", Optional.empty()).footnote()).hasValue("*");
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
