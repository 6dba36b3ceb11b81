package org.qingshan.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CwqiTest {

  @Test
  void sumOfRatiosToClassThree() {
    // pH 8 → 0.5; DO 4 → 5/4 = 1.25; NH3N 0.5 → 0.5; COD 30 → 1.5; TN ignored
    Cwqi c =
        Cwqi.of(
            Map.of(
                WaterItem.PH, new BigDecimal("8"),
                WaterItem.DO, new BigDecimal("4"),
                WaterItem.NH3N, new BigDecimal("0.5"),
                WaterItem.COD, new BigDecimal("30"),
                WaterItem.TN, new BigDecimal("2")),
            WaterBodyType.RIVER);
    assertThat(c.value()).isEqualByComparingTo("3.75");
    assertThat(c.items()).doesNotContainKey(WaterItem.TN);
    assertThat(c.items().get(WaterItem.DO)).isEqualByComparingTo("1.25");
  }

  @Test
  void acidicPhAndLakePhosphorus() {
    // pH 6.5 → 0.5; lake TP 0.1 / 0.05 = 2
    Cwqi c =
        Cwqi.of(
            Map.of(WaterItem.PH, new BigDecimal("6.5"), WaterItem.TP, new BigDecimal("0.1")),
            WaterBodyType.LAKE);
    assertThat(c.value()).isEqualByComparingTo("2.5");
  }
}
