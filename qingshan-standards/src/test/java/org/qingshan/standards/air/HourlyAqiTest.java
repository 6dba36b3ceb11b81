package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.aqi.AqiIndicator;
import org.qingshan.standards.aqi.AqiResult;
import org.qingshan.standards.aqi.Iaqi;
import org.qingshan.standards.regime.AqiStandard;
import org.qingshan.standards.regime.RuleSet;

class HourlyAqiTest {
  private static final LocalDate DAY = LocalDate.of(2026, 2, 27);

  /** Two days: PM2.5 40 every hour except a last hour of 100. */
  private static HourlySeries series() {
    HourlySeries.Builder b = SeriesFixtures.constant(DAY, DAY.plusDays(1));
    for (int h = 0; h < 48; h++) {
      b.set(AirPollutant.PM25, h, new BigDecimal("40"));
    }
    b.set(AirPollutant.PM25, 47, new BigDecimal("100"));
    return b.build();
  }

  @Test
  void hj633Of2026UsesTheHourOnDailyBreakpoints() {
    AqiResult r =
        HourlyAqi.report(
            series(), DAY.plusDays(1).atTime(23, 0), Optional.of(RuleSet.GB3095_2026_TRANSITION));
    assertThat(r.standard()).isEqualTo(AqiStandard.HJ633_2026);
    // PM2.5 100 on 60–115 → 100 + 50·40/55 = 136.4 → 137
    assertThat(r.iaqi(AqiIndicator.PM25_1H).map(Iaqi::value)).contains(137);
  }

  @Test
  void hj633Of2012UsesTheTwentyFourHourSlidingMean() {
    LocalDateTime lastHour = DAY.plusDays(1).atTime(23, 0);
    AqiResult r = HourlyAqi.report(series(), lastHour, Optional.empty());
    assertThat(r.standard()).isEqualTo(AqiStandard.HJ633_2012); // 2026-02-28
    // (23·40 + 100)/24 = 42.5 → 42 (half-even) → 50 + 50·7/40 = 58.75 → 59
    assertThat(r.iaqi(AqiIndicator.PM25_24H).map(Iaqi::value)).contains(59);
    assertThat(r.iaqi(AqiIndicator.PM25_24H).map(Iaqi::concentration))
        .contains(new BigDecimal("42"));
    // O3 8h sliding mean of 160 → 100
    assertThat(r.iaqi(AqiIndicator.O3_8H).map(Iaqi::value)).contains(100);
  }

  @Test
  void slidingMeanNeedsTwentyHours() {
    // hour 18 of the first day has only 19 hours behind it
    AqiResult r = HourlyAqi.report(series(), DAY.atTime(18, 0), Optional.empty());
    assertThat(r.missing()).contains(AqiIndicator.PM10_24H, AqiIndicator.PM25_24H);
    AqiResult r19 = HourlyAqi.report(series(), DAY.atTime(19, 0), Optional.empty());
    assertThat(r19.missing()).doesNotContain(AqiIndicator.PM25_24H);
  }
}
