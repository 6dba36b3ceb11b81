package org.qingshan.standards.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrophicStateIndexTest {

  @Test
  void chlorophyllAloneIsItsOwnIndex() {
    // 10 (2.5 + 1.086 ln 10) = 10 (2.5 + 2.50062) = 50.01
    TrophicStateIndex t = TrophicStateIndex.of(Map.of(TrophicParameter.CHLA, BigDecimal.TEN));
    assertThat(t.value()).isEqualByComparingTo("50.01");
    assertThat(t.state()).isEqualTo(TrophicState.LIGHT_EUTROPHIC);
  }

  @Test
  void weightsAreSquaredCorrelations() {
    // chla 1 → 25.0; SD 1 m → 51.18; weights 1 and 0.6889 → (25 + 0.6889·51.18)/1.6889 = 35.68
    TrophicStateIndex t =
        TrophicStateIndex.of(
            Map.of(TrophicParameter.CHLA, BigDecimal.ONE, TrophicParameter.SD, BigDecimal.ONE));
    assertThat(t.value()).isEqualByComparingTo("35.68");
    assertThat(t.state()).isEqualTo(TrophicState.MESOTROPHIC);
  }

  @ParameterizedTest(name = "TLI {0} → {1}")
  @CsvSource({
    "29.99, OLIGOTROPHIC",
    "30, MESOTROPHIC",
    "50, MESOTROPHIC",
    "50.01, LIGHT_EUTROPHIC",
    "60, LIGHT_EUTROPHIC",
    "60.01, MIDDLE_EUTROPHIC",
    "70, MIDDLE_EUTROPHIC",
    "70.01, HYPEREUTROPHIC"
  })
  void grades(double tli, TrophicState state) {
    assertThat(TrophicState.of(tli)).isEqualTo(state);
  }

  @Test
  void needsChlorophyllAndPositiveValues() {
    assertThatThrownBy(() -> TrophicStateIndex.of(Map.of(TrophicParameter.TP, BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TrophicStateIndex.of(
                    Map.of(
                        TrophicParameter.CHLA,
                        BigDecimal.ONE,
                        TrophicParameter.TN,
                        BigDecimal.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
