package org.qingshan.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingshan.standards.aqi.AqiIndicator.*;
import static org.qingshan.standards.regime.AqiStandard.HJ633_2012;
import static org.qingshan.standards.regime.AqiStandard.HJ633_2026;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingshan.standards.regime.AqiStandard;

class AqiCalculatorTest {

  private static AqiInput.Builder cleanDay2026() {
    return AqiInput.builder()
        .put(SO2_24H, "5")
        .put(NO2_24H, "10")
        .put(PM10_24H, "20")
        .put(CO_24H, "0.4")
        .put(O3_8H, "50")
        .put(PM25_24H, "10");
  }

  private static AqiInput.Builder cleanDay2012() {
    return cleanDay2026().put(O3_1H, "60");
  }

  @Test
  void sameParticulateDayIsGoodUnder2012AndLightlyPollutedUnder2026() {
    // PM2.5 70: 2012 segment 35–75 → 50 + 50·35/40 = 93.75 → 94; 2026 segment 60–115 →
    // 100 + 50·10/55 = 109.09 → 110.
    AqiResult r2012 =
        AqiCalculator.calculate(
            HJ633_2012, AqiReportType.DAILY, cleanDay2012().put(PM25_24H, "70").build());
    AqiResult r2026 =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, cleanDay2026().put(PM25_24H, "70").build());

    assertThat(r2012.aqi()).hasValue(94);
    assertThat(r2012.category()).contains(AqiCategory.GOOD);
    assertThat(r2026.aqi()).hasValue(110);
    assertThat(r2026.category()).contains(AqiCategory.LIGHTLY_POLLUTED);
    assertThat(r2026.primaryPollutants()).containsExactly(PM25_24H);
  }

  @ParameterizedTest(name = "{0} µg/m³ PM2.5 (2012) → {1}")
  @CsvSource({
    // half-even: .5 goes to the even integer; anything above .5 goes up
    "74.5, 99", // → 74: 50 + 50·39/40 = 98.75 → 99
    "75.5, 102", // → 76: 100 + 50·1/40 = 101.25 → 102
    "75.4999, 100", // → 75
    "76.5, 102", // → 76
    "0.5, 0", // → 0
    "1.5, 3", // → 2: 50·2/35 = 2.86 → 3
    "1, 2", // 1.43 → ceiling 2
  })
  void concentrationIsRoundedHalfEvenThenIaqiIsRoundedUp(String pm25, int iaqi) {
    assertThat(
            IaqiCalculator.calculate(HJ633_2012, PM25_24H, new BigDecimal(pm25)).map(Iaqi::value))
        .contains(iaqi);
  }

  @ParameterizedTest(name = "CO {0} mg/m³ → {1}")
  @CsvSource({
    "2.05, 50", // → 2.0
    "2.15, 55", // → 2.2: 50 + 50·0.2/2
    "2.25, 55", // → 2.2
    "2.251, 58", // → 2.3: 57.5 → 58
    "3.95, 100", // → 4.0
  })
  void carbonMonoxideKeepsOneDecimal(String co, int iaqi) {
    assertThat(IaqiCalculator.calculate(HJ633_2026, CO_24H, new BigDecimal(co)).map(Iaqi::value))
        .contains(iaqi);
  }

  @Test
  void ceilingIsExactAtBreakpointsWithRepeatingFractions() {
    // NO2 1h 700 lies exactly on IAQI 150; a floating computation 100 + 50/500·500 may drift.
    assertThat(IaqiCalculator.calculate(HJ633_2026, NO2_1H, new BigDecimal("700")).map(Iaqi::value))
        .contains(150);
    // O3 8h 215: 150 exactly, 216 → 150 + 50/50 = 151.
    assertThat(IaqiCalculator.calculate(HJ633_2026, O3_8H, new BigDecimal("216")).map(Iaqi::value))
        .contains(151);
  }

  @Test
  void so2HourAbove800Is200In2026() {
    AqiInput in =
        AqiInput.builder()
            .put(SO2_1H, "801")
            .put(NO2_1H, "10")
            .put(PM10_1H, "10")
            .put(CO_1H, "0.2")
            .put(O3_1H, "10")
            .put(PM25_1H, "10")
            .build();
    AqiResult r = AqiCalculator.calculate(HJ633_2026, AqiReportType.HOURLY, in);
    assertThat(r.iaqi(SO2_1H).map(Iaqi::rule)).contains(IaqiRule.SO2_1H_ABOVE_800_IS_200);
    assertThat(r.aqi()).hasValue(200);
    assertThat(r.primaryPollutants()).containsExactly(SO2_1H);
  }

  @Test
  void so2HourAbove800UsesTheDailyIaqiIn2012() {
    AqiInput.Builder b =
        AqiInput.builder()
            .put(SO2_1H, "900")
            .put(NO2_1H, "10")
            .put(PM10_24H, "10")
            .put(CO_1H, "0.2")
            .put(O3_1H, "10")
            .put(O3_8H, "10")
            .put(PM25_24H, "10");
    AqiResult without24h = AqiCalculator.calculate(HJ633_2012, AqiReportType.HOURLY, b.build());
    assertThat(without24h.missing()).containsExactly(SO2_1H);

    // SO2 24h 475 → IAQI 150.
    AqiResult with24h =
        AqiCalculator.calculate(HJ633_2012, AqiReportType.HOURLY, b.put(SO2_24H, "475").build());
    assertThat(with24h.iaqi(SO2_1H).map(Iaqi::value)).contains(150);
    assertThat(with24h.iaqi(SO2_1H).map(Iaqi::rule)).contains(IaqiRule.SO2_1H_ABOVE_800_FROM_24H);
    assertThat(with24h.aqi()).hasValue(150);
  }

  @Test
  void ozoneEightHourAbove800() {
    // 2026: fixed 300. 2012: no 8h IAQI; the 1h IAQI (O3 1h 1000 → 400) stands for ozone.
    AqiResult r2026 =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, cleanDay2026().put(O3_8H, "801").build());
    assertThat(r2026.aqi()).hasValue(300);
    assertThat(r2026.primaryPollutants()).containsExactly(O3_8H);

    AqiResult r2012 =
        AqiCalculator.calculate(
            HJ633_2012,
            AqiReportType.DAILY,
            cleanDay2012().put(O3_8H, "801").put(O3_1H, "1000").build());
    assertThat(r2012.iaqi(O3_8H)).isEmpty();
    assertThat(r2012.missing()).isEmpty();
    assertThat(r2012.aqi()).hasValue(400);
    assertThat(r2012.primaryPollutants()).containsExactly(O3_1H);
  }

  @Test
  void aboveTheTopBreakpointIsCappedAt500() {
    var iaqi = IaqiCalculator.calculate(HJ633_2026, PM25_24H, new BigDecimal("501")).orElseThrow();
    assertThat(iaqi.value()).isEqualTo(500);
    assertThat(iaqi.rule()).isEqualTo(IaqiRule.CAPPED_AT_500);
  }

  @Test
  void dailyOzoneHourMaximumCountsOnlyUnder2012() {
    // O3 1h 300 → IAQI 150 in 2012; 2026 daily report ignores it.
    AqiInput in = cleanDay2012().put(O3_1H, "300").build();
    assertThat(AqiCalculator.calculate(HJ633_2012, AqiReportType.DAILY, in).aqi()).hasValue(150);
    AqiResult r2026 = AqiCalculator.calculate(HJ633_2026, AqiReportType.DAILY, in);
    assertThat(r2026.iaqi(O3_1H)).isEmpty();
    assertThat(r2026.aqi().getAsInt()).isLessThanOrEqualTo(50);
  }

  @Test
  void hourlyParticulatesUseTheDailyBreakpointsIn2026() {
    AqiInput in =
        AqiInput.builder()
            .put(SO2_1H, "5")
            .put(NO2_1H, "5")
            .put(PM10_1H, "120")
            .put(CO_1H, "0.2")
            .put(O3_1H, "10")
            .put(PM25_1H, "60")
            .build();
    AqiResult r = AqiCalculator.calculate(HJ633_2026, AqiReportType.HOURLY, in);
    assertThat(r.aqi()).hasValue(100);
    assertThat(r.primaryPollutants()).containsExactlyInAnyOrder(PM10_1H, PM25_1H);
  }

  @Test
  void tiedPrimaryPollutantsAreAllListed() {
    // 2012: PM10 150 and PM2.5 75 are both IAQI 100.
    AqiResult r =
        AqiCalculator.calculate(
            HJ633_2012,
            AqiReportType.DAILY,
            cleanDay2012().put(PM10_24H, "150").put(PM25_24H, "75").build());
    assertThat(r.aqi()).hasValue(100);
    assertThat(r.primaryPollutants()).containsExactly(PM10_24H, PM25_24H);
    assertThat(r.exceedingPollutants()).isEmpty();
  }

  @Test
  void noPrimaryPollutantAtOrBelow50() {
    AqiResult r =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, cleanDay2026().put(PM25_24H, "35").build());
    assertThat(r.aqi()).hasValue(50);
    assertThat(r.primaryPollutants()).isEmpty();
    AqiResult r51 =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, cleanDay2026().put(PM25_24H, "36").build());
    assertThat(r51.aqi()).hasValue(52);
    assertThat(r51.primaryPollutants()).containsExactly(PM25_24H);
  }

  @Test
  void exceedingPollutantsExistOnlyIn2012AndSensitiveGroupsOnlyIn2026() {
    AqiResult r2012 =
        AqiCalculator.calculate(
            HJ633_2012, AqiReportType.DAILY, cleanDay2012().put(PM25_24H, "76").build());
    assertThat(r2012.exceedingPollutants()).containsExactly(PM25_24H);
    assertThat(r2012.sensitiveGroups()).isEmpty();

    AqiResult r2026 =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, cleanDay2026().put(PM25_24H, "76").build());
    assertThat(r2026.exceedingPollutants()).isEmpty();
    assertThat(r2026.sensitiveGroups()).singleElement().asString().contains("青少年儿童");
  }

  @Test
  void missingPollutantIn2026GivesNaUnlessAqiIsAbove100() {
    AqiInput.Builder noPm10 =
        AqiInput.builder()
            .put(SO2_24H, "5")
            .put(NO2_24H, "10")
            .put(CO_24H, "0.4")
            .put(O3_8H, "50")
            .put(PM25_24H, "60");
    AqiResult na = AqiCalculator.calculate(HJ633_2026, AqiReportType.DAILY, noPm10.build());
    assertThat(na.missing()).containsExactly(PM10_24H);
    assertThat(na.computedAqi()).hasValue(100);
    assertThat(na.aqi()).isEmpty();
    assertThat(na.category()).isEmpty();
    assertThat(na.primaryPollutants()).isEmpty();
    assertThat(na.iaqi(PM25_24H).map(Iaqi::value)).contains(100);

    AqiResult published =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, noPm10.put(PM25_24H, "61").build());
    assertThat(published.aqi()).hasValue(101); // 100 + 50·1/55 = 100.9 → 101
    assertThat(published.category()).contains(AqiCategory.LIGHTLY_POLLUTED);
  }

  @Test
  void pollutantOutsideTheMonitoringPlanDoesNotForceNa() {
    AqiInput.Builder noCo =
        AqiInput.builder()
            .put(SO2_24H, "5")
            .put(NO2_24H, "10")
            .put(PM10_24H, "20")
            .put(O3_8H, "50")
            .put(PM25_24H, "40");
    assertThat(AqiCalculator.calculate(HJ633_2026, AqiReportType.DAILY, noCo.build()).aqi())
        .isEmpty();
    AqiResult r =
        AqiCalculator.calculate(
            HJ633_2026, AqiReportType.DAILY, noCo.notInMonitoringPlan(CO_24H).build());
    assertThat(r.aqi()).hasValue(60); // PM2.5 40 → 50 + 50·5/25
    assertThat(r.missing()).containsExactly(CO_24H);
  }

  @Test
  void missingPollutantIn2012StillPublishesTheAqiOfTheOthers() {
    AqiInput in = AqiInput.builder().put(SO2_24H, "5").put(PM25_24H, "40").put(O3_1H, "10").build();
    AqiResult r = AqiCalculator.calculate(HJ633_2012, AqiReportType.DAILY, in);
    assertThat(r.missing()).containsExactly(NO2_24H, PM10_24H, CO_24H, O3_8H);
    assertThat(r.aqi()).hasValue(57); // 50 + 50·5/40 = 56.25 → 57
  }

  @Test
  void nothingMeasuredIsNa() {
    for (AqiStandard s : AqiStandard.values()) {
      AqiResult r = AqiCalculator.calculate(s, AqiReportType.DAILY, AqiInput.builder().build());
      assertThat(r.aqi()).isEmpty();
      assertThat(r.computedAqi()).isEmpty();
    }
  }

  @ParameterizedTest(name = "AQI {0} → level {1}")
  @CsvSource({
    "0,1", "1,1", "50,1", "51,2", "100,2", "101,3", "150,3", "151,4", "200,4", "201,5", "300,5",
    "301,6", "500,6"
  })
  void categoryBoundaries(int aqi, int level) {
    assertThat(AqiCategory.of(aqi).level()).isEqualTo(level);
  }

  @Test
  void categoryNamesAndColours() {
    assertThat(AqiCategory.of(120).chineseName()).isEqualTo("轻度污染");
    assertThat(AqiCategory.of(120).hex()).isEqualTo("#FF7E00");
    assertThat(AqiCategory.of(250).chineseName()).isEqualTo("重度污染");
    assertThat(AqiCategory.of(400).colourName()).isEqualTo("褐红色");
  }
}
