package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.aqi.AqiCategory;
import org.qingshan.standards.regime.RuleSet;

class AirEvaluatorTest {
  private static final LocalDate JAN1_2025 = LocalDate.of(2025, 1, 1);
  private static final LocalDate DEC31_2025 = LocalDate.of(2025, 12, 31);

  @Test
  void constantYearUnder2012AttainsAtTheLimitsAndGivesTheCompositeIndex() {
    HourlySeries s = SeriesFixtures.constant(JAN1_2025, DEC31_2025).build();

    AirEvaluation e = AirEvaluator.evaluateYear(s, 2025);

    assertThat(e.ruleSet()).isEqualTo(RuleSet.GB3095_2012);
    assertThat(e.statistic(AirPollutant.PM25, StatisticKind.ANNUAL_MEAN).orElseThrow().value())
        .contains(new BigDecimal("35"));
    assertThat(
            e.statistic(AirPollutant.CO, StatisticKind.DAILY_PERCENTILE_95).orElseThrow().value())
        .contains(new BigDecimal("1.0"));
    assertThat(e.statistic(AirPollutant.O3, StatisticKind.MDA8_PERCENTILE_90).orElseThrow().value())
        .contains(new BigDecimal("160"));
    assertThat(e.statistics()).hasSize(10).allMatch(PollutantStatistic::valid);
    assertThat(e.attainment()).isEqualTo(Attainment.ATTAINED);
    // 10/60 + 20/40 + 70/70 + 35/35 + 1.0/4 + 160/160 = 3.9167
    CompositeIndex ci = e.compositeIndex().orElseThrow();
    assertThat(ci.value()).isEqualByComparingTo("3.92");
    assertThat(ci.subIndices().get(AirPollutant.SO2)).isEqualByComparingTo("0.17");
    assertThat(ci.largest())
        .containsExactlyInAnyOrder(AirPollutant.PM10, AirPollutant.PM25, AirPollutant.O3);
    // PM2.5 35 → IAQI 50, PM10 70 → 60, O3 8h 160 → 100, O3 1h 160 → 50: every day 良
    assertThat(e.effectiveDays()).isEqualTo(365);
    assertThat(e.goodDays()).isEqualTo(365);
    assertThat(e.goodDayRatio()).contains(new BigDecimal("100.0"));
    assertThat(e.daysByCategory()).containsEntry(AqiCategory.GOOD, 365);
    // at the limits, not above: no day exceeds GB 3095—2012 二级
    assertThat(e.limitExceedanceDays()).isEmpty();
  }

  @Test
  void sameYearFailsTheTransitionAndFinalLimits() {
    HourlySeries s = SeriesFixtures.constant(JAN1_2025, DEC31_2025).build();
    AirEvaluation transition =
        AirEvaluator.evaluate(
            s,
            JAN1_2025,
            DEC31_2025,
            AirZoneClass.CLASS_2,
            Optional.of(RuleSet.GB3095_2026_TRANSITION));
    PollutantStatistic pm25 =
        transition.statistic(AirPollutant.PM25, StatisticKind.ANNUAL_MEAN).orElseThrow();
    assertThat(pm25.limit()).isEqualByComparingTo("30");
    assertThat(pm25.attained()).isFalse();
    assertThat(pm25.exceedanceMultiple()).contains(new BigDecimal("0.17")); // (35−30)/30
    assertThat(transition.attainment()).isEqualTo(Attainment.NOT_ATTAINED);
    assertThat(
            transition
                .statistic(AirPollutant.PM10, StatisticKind.ANNUAL_MEAN)
                .orElseThrow()
                .limit())
        .isEqualByComparingTo("60");

    AirEvaluation last =
        AirEvaluator.evaluate(
            s, JAN1_2025, DEC31_2025, AirZoneClass.CLASS_2, Optional.of(RuleSet.GB3095_2026_FINAL));
    assertThat(last.statistic(AirPollutant.SO2, StatisticKind.ANNUAL_MEAN).orElseThrow().limit())
        .isEqualByComparingTo("20");
    assertThat(last.statistic(AirPollutant.NO2, StatisticKind.ANNUAL_MEAN).orElseThrow().limit())
        .isEqualByComparingTo("30");
  }

  @Test
  void classOneZoneUsesFirstGradeLimits() {
    HourlySeries s = SeriesFixtures.constant(JAN1_2025, DEC31_2025).build();
    AirEvaluation e =
        AirEvaluator.evaluate(s, JAN1_2025, DEC31_2025, AirZoneClass.CLASS_1, Optional.empty());
    assertThat(e.statistic(AirPollutant.PM25, StatisticKind.ANNUAL_MEAN).orElseThrow().limit())
        .isEqualByComparingTo("15");
    assertThat(e.attainment()).isEqualTo(Attainment.NOT_ATTAINED);
  }

  @Test
  void yearSpanningTheChangeComputesEachDayUnderItsOwnRules() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate to = LocalDate.of(2026, 12, 31);
    HourlySeries.Builder b = SeriesFixtures.constant(from, to);
    for (int d = 0; d < 365; d++) {
      // PM2.5 70: 2012 → IAQI 94 (良); 2026 → 110 (轻度污染)
      SeriesFixtures.fillDay(b, d, AirPollutant.PM25, "70");
      // O3 low so that the 2012 O3 1h IAQI does not dominate
      SeriesFixtures.fillDay(b, d, AirPollutant.O3, "60");
    }
    AirEvaluation e = AirEvaluator.evaluateYear(b.build(), 2026);

    assertThat(e.ruleSet()).isEqualTo(RuleSet.GB3095_2026_TRANSITION);
    assertThat(e.daysByRuleSet())
        .containsEntry(RuleSet.GB3095_2012, 59)
        .containsEntry(RuleSet.GB3095_2026_TRANSITION, 306);
    assertThat(e.goodDays()).isEqualTo(59);
    assertThat(e.exceedanceDays()).isEqualTo(306);
    assertThat(e.exceedanceDaysByPollutant()).containsEntry(AirPollutant.PM25, 306);
    // against the transition 二级 24 h limit (60) every day with PM2.5 70 exceeds
    assertThat(e.limitExceedanceDays()).containsOnly(Map.entry(AirPollutant.PM25, 365));
    assertThat(e.goodDayRatio()).contains(new BigDecimal("16.2")); // 59/365 = 16.16 %

    AirEvaluation likeForLike =
        AirEvaluator.evaluate(
            b.build(), from, to, AirZoneClass.CLASS_2, Optional.of(RuleSet.GB3095_2026_TRANSITION));
    assertThat(likeForLike.goodDays()).isZero();
    assertThat(likeForLike.daysByRuleSet()).containsOnlyKeys(RuleSet.GB3095_2026_TRANSITION);
  }

  @Test
  void annualMeanIsRoundedOnceFromUnroundedDailyMeans() {
    LocalDate from = LocalDate.of(2025, 6, 10);
    HourlySeries.Builder b = SeriesFixtures.constant(from, from.plusDays(2));
    SeriesFixtures.fillDay(b, 0, AirPollutant.PM25, "34.6");
    SeriesFixtures.fillDay(b, 1, AirPollutant.PM25, "34.6");
    SeriesFixtures.fillDay(b, 2, AirPollutant.PM25, "33.6");
    // exact mean 34.27 → 34; rounding each day first (35, 35, 34) would give 34.67 → 35
    AirEvaluation e =
        AirEvaluator.evaluate(
            b.build(), from, from.plusDays(2), AirZoneClass.CLASS_2, Optional.empty());
    assertThat(e.statistic(AirPollutant.PM25, StatisticKind.ANNUAL_MEAN).orElseThrow().value())
        .contains(new BigDecimal("34"));
  }

  @Test
  void annualMeanTieRoundsHalfEven() {
    LocalDate from = LocalDate.of(2025, 6, 10);
    HourlySeries.Builder b = SeriesFixtures.constant(from, from.plusDays(1));
    SeriesFixtures.fillDay(b, 0, AirPollutant.NO2, "34");
    SeriesFixtures.fillDay(b, 1, AirPollutant.NO2, "35");
    AirEvaluation e =
        AirEvaluator.evaluate(
            b.build(), from, from.plusDays(1), AirZoneClass.CLASS_2, Optional.empty());
    assertThat(e.statistic(AirPollutant.NO2, StatisticKind.ANNUAL_MEAN).orElseThrow().value())
        .contains(new BigDecimal("34"));
  }

  @Test
  void percentilesUseTheValidDailyValues() {
    // daily PM10 means 1, 2, …, 30 in June (30 days): p95 → k = 1 + 29·0.95 = 28.55 → 28.55 → 29
    LocalDate from = LocalDate.of(2025, 6, 1);
    LocalDate to = LocalDate.of(2025, 6, 30);
    HourlySeries.Builder b = SeriesFixtures.constant(from, to);
    for (int d = 0; d < 30; d++) {
      SeriesFixtures.fillDay(b, d, AirPollutant.PM10, Integer.toString(d + 1));
      // SO2 p98: 1 + 29·0.98 = 29.42 → 29.42 → 29
      SeriesFixtures.fillDay(b, d, AirPollutant.SO2, Integer.toString(d + 1));
    }
    AirEvaluation e =
        AirEvaluator.evaluate(b.build(), from, to, AirZoneClass.CLASS_2, Optional.empty());
    assertThat(
            e.statistic(AirPollutant.PM10, StatisticKind.DAILY_PERCENTILE_95).orElseThrow().value())
        .contains(new BigDecimal("29"));
    assertThat(
            e.statistic(AirPollutant.SO2, StatisticKind.DAILY_PERCENTILE_98).orElseThrow().value())
        .contains(new BigDecimal("29"));
    assertThat(e.statistic(AirPollutant.PM10, StatisticKind.ANNUAL_MEAN).orElseThrow().value())
        .contains(new BigDecimal("16")); // 15.5 → 16 (even)
  }

  @Test
  void yearWithTooFewValidDaysIsInsufficient() {
    HourlySeries.Builder b = SeriesFixtures.constant(JAN1_2025, DEC31_2025);
    // January loses 5 days of PM2.5 (26 valid < 27)
    for (int h = 0; h < 5 * 24; h++) {
      b.clear(AirPollutant.PM25, h);
    }
    AirEvaluation e = AirEvaluator.evaluateYear(b.build(), 2025);
    PollutantStatistic pm25 =
        e.statistic(AirPollutant.PM25, StatisticKind.ANNUAL_MEAN).orElseThrow();
    assertThat(pm25.validDays()).isEqualTo(360);
    assertThat(pm25.valid()).isFalse();
    assertThat(pm25.attained()).isFalse();
    assertThat(e.attainment()).isEqualTo(Attainment.INSUFFICIENT_DATA);
    // the 5 days without PM2.5 are not effective days (2012: AQI ≤ 100 with a missing pollutant)
    assertThat(e.effectiveDays()).isEqualTo(360);
  }
}
