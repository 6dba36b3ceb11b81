package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingshan.standards.aqi.AirPollutant;

class DailyAggregatorTest {
  private static final LocalDate DAY = LocalDate.of(2025, 7, 1);

  @ParameterizedTest(name = "{0} valid hours → valid mean: {1}")
  @CsvSource({"24, true", "20, true", "19, false", "0, false"})
  void dailyMeanNeedsTwentyHours(int hours, boolean valid) {
    HourlySeries.Builder b = HourlySeries.builder(DAY, 1);
    for (int h = 0; h < hours; h++) {
      b.set(AirPollutant.PM25, h, new BigDecimal("40"));
    }
    assertThat(DailyAggregator.day(b.build(), DAY).dailyMean(AirPollutant.PM25).isPresent())
        .isEqualTo(valid);
  }

  @ParameterizedTest(name = "CO hours summing to {0} over {1} h → {2}")
  @CsvSource({
    "25.2, 24, 1.0", // 1.05 exactly: half-even keeps 1.0 (a double 1.05 is 1.0500000000000000444)
    "27.6, 24, 1.2", // 1.15 → 1.2
    "22.05, 21, 1.0", // 1.05 over 21 hours
    "22.071, 21, 1.1", // 1.051: just above the tie
  })
  void carbonMonoxideDailyMeanRoundsHalfEvenToOneDecimal(String sum, int hours, String expected) {
    HourlySeries.Builder b = HourlySeries.builder(DAY, 1);
    BigDecimal total = new BigDecimal(sum);
    // all hours but the last get 1.000, the last takes the remainder
    for (int h = 0; h < hours - 1; h++) {
      b.set(AirPollutant.CO, h, BigDecimal.ONE);
    }
    BigDecimal last = total.subtract(BigDecimal.valueOf(hours - 1));
    b.set(AirPollutant.CO, hours - 1, last);
    assertThat(DailyAggregator.day(b.build(), DAY).dailyMean(AirPollutant.CO))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(new BigDecimal(expected)));
  }

  @Test
  void meanOf21HoursWithExactHalfRoundsToEven() {
    // 20 hours of 34 and one of 44.5: (680 + 44.5) / 21 = 34.5 exactly → 34
    HourlySeries.Builder b = HourlySeries.builder(DAY, 1);
    for (int h = 0; h < 20; h++) {
      b.set(AirPollutant.PM25, h, new BigDecimal("34"));
    }
    b.set(AirPollutant.PM25, 20, new BigDecimal("44.5"));
    assertThat(DailyAggregator.day(b.build(), DAY).dailyMean(AirPollutant.PM25))
        .contains(new BigDecimal("34"));
    // one more microgram → 35.5/… → (680 + 65.5)/21 = 35.5 → 36
    b.set(AirPollutant.PM25, 20, new BigDecimal("65.5"));
    assertThat(DailyAggregator.day(b.build(), DAY).dailyMean(AirPollutant.PM25))
        .contains(new BigDecimal("36"));
  }

  @Test
  void ozoneMaxEightHourUsesWindowsEndingAt08Through24() {
    HourlySeries.Builder b = HourlySeries.builder(DAY.minusDays(1), 2);
    for (int h = 0; h < 48; h++) {
      b.set(AirPollutant.O3, h, new BigDecimal("50"));
    }
    // the previous evening is high, but a window ending before 08:00 is not part of today
    for (int h = 18; h < 24; h++) {
      b.set(AirPollutant.O3, h, new BigDecimal("250"));
    }
    // today's hours 16..23 (window ending at 24:00) average 130
    for (int h = 24 + 16; h < 48; h++) {
      b.set(AirPollutant.O3, h, new BigDecimal("130"));
    }
    b.set(AirPollutant.O3, 24 + 12, new BigDecimal("300"));
    DailyAirValues today = DailyAggregator.day(b.build(), DAY);
    assertThat(today.validO3Windows()).isEqualTo(17);
    // window 16..23 = 130; window 12..19: (300 + 3·50 + 4·130)/8 = 121.25; 09..16:
    // (300+6·50+130)/8=91.25
    assertThat(today.o3Max8Hour()).contains(new BigDecimal("130"));
    assertThat(today.o3MaxHour()).contains(new BigDecimal("300"));
  }

  @Test
  void ozoneWindowNeedsSixHoursAndDayNeedsFourteenWindows() {
    // hours 19..23 missing: windows starting 0..13 have ≥ 6 hours → 14 valid windows
    HourlySeries.Builder b = HourlySeries.builder(DAY, 1);
    for (int h = 0; h < 19; h++) {
      b.set(AirPollutant.O3, h, new BigDecimal("100"));
    }
    DailyAirValues fourteen = DailyAggregator.day(b.build(), DAY);
    assertThat(fourteen.validO3Windows()).isEqualTo(14);
    assertThat(fourteen.o3Max8Hour()).contains(new BigDecimal("100"));

    // hour 18 missing too: 13 windows → not valid while the maximum is within the limit
    b.clear(AirPollutant.O3, 18);
    DailyAirValues thirteen = DailyAggregator.day(b.build(), DAY);
    assertThat(thirteen.validO3Windows()).isEqualTo(13);
    assertThat(thirteen.o3Max8Hour()).isEmpty();
  }

  @Test
  void fewWindowsStillCountWhenTheLimitIsExceeded() {
    HourlySeries.Builder b = HourlySeries.builder(DAY, 1);
    for (int h = 0; h < 18; h++) {
      b.set(AirPollutant.O3, h, new BigDecimal("160"));
    }
    assertThat(DailyAggregator.day(b.build(), DAY).o3Max8Hour()).isEmpty(); // 160 is not above
    b.set(AirPollutant.O3, 0, new BigDecimal("168")); // window 0..7: 161
    assertThat(DailyAggregator.day(b.build(), DAY).o3Max8Hour()).contains(new BigDecimal("161"));
  }
}
