package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.regime.AirLimitStage;
import org.qingshan.standards.testsupport.SharedReference;

/** The limits must be those of reference/standards.md §3.1 (GB 3095—2012) and §3.2 (—2026). */
class AirQualityLimitsReferenceTest {

  private static AirPollutant pollutant(String cell) {
    return switch (cell) {
      case "SO₂" -> AirPollutant.SO2;
      case "NO₂" -> AirPollutant.NO2;
      case "CO" -> AirPollutant.CO;
      case "O₃" -> AirPollutant.O3;
      case "PM10" -> AirPollutant.PM10;
      case "PM2.5" -> AirPollutant.PM25;
      default -> throw new IllegalArgumentException(cell);
    };
  }

  private static AveragingPeriod period(String cell) {
    return switch (cell) {
      case "年平均" -> AveragingPeriod.ANNUAL;
      case "24h", "日平均" -> AveragingPeriod.DAILY;
      case "1h" -> AveragingPeriod.HOURLY;
      case "日最大8h" -> AveragingPeriod.MAX_DAILY_8_HOUR;
      default -> throw new IllegalArgumentException(cell);
    };
  }

  private static void check(List<List<String>> rows, AirLimitStage stage, int grade1, int grade2) {
    AirPollutant p = null;
    for (List<String> row : rows) {
      if (!row.get(0).isEmpty()) {
        p = pollutant(row.get(0));
      }
      AveragingPeriod period = period(row.get(1));
      assertThat(AirQualityLimits.limit(stage, p, period, AirZoneClass.CLASS_1))
          .as("%s %s %s 一级", stage, p, period)
          .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(row.get(grade1)));
      assertThat(AirQualityLimits.limit(stage, p, period, AirZoneClass.CLASS_2))
          .as("%s %s %s 二级", stage, p, period)
          .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(row.get(grade2)));
    }
  }

  @Test
  void gb3095of2012() {
    List<List<String>> rows = SharedReference.tableAfter("### 3.1 GB 3095—2012 表1");
    assertThat(rows).hasSize(14);
    check(rows, AirLimitStage.GB3095_2012, 2, 3);
  }

  @Test
  void gb3095of2026BothStages() {
    List<List<String>> rows = SharedReference.tableAfter("### 3.2 GB 3095—2026 表1");
    assertThat(rows).hasSize(14);
    check(rows, AirLimitStage.GB3095_2026_TRANSITION, 2, 3);
    check(rows, AirLimitStage.GB3095_2026_FINAL, 4, 5);
  }

  @Test
  void annualCarbonMonoxideHasNoLimit() {
    assertThat(
            AirQualityLimits.limit(
                AirLimitStage.GB3095_2012,
                AirPollutant.CO,
                AveragingPeriod.ANNUAL,
                AirZoneClass.CLASS_2))
        .isEmpty();
  }
}
