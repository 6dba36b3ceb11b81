package org.qingshan.server.plandashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qingshan.server.plandispatch.DispatchSchedule;

/** The dashboard's computations on explicit numbers and dates (the demo plan's indicators). */
class PlanDashboardComputationTest {
  private static final IndicatorTrajectory PM25 = new IndicatorTrajectory(2022, 42, 2025, 38);
  private static final IndicatorTrajectory GOOD_DAYS =
      new IndicatorTrajectory(2022, 70.5, 2025, 75);

  @Test
  void theTrajectoryIsAStraightLineHeldAtBothEnds() {
    assertThat(PM25.needed(2022)).isEqualTo(42);
    assertThat(PM25.needed(2024)).isCloseTo(39.333, within(0.001));
    assertThat(PM25.needed(2025)).isEqualTo(38);
    assertThat(PM25.needed(2030)).isEqualTo(38);
    assertThat(PM25.needed(2019)).isEqualTo(42);
    assertThat(GOOD_DAYS.needed(2023)).isCloseTo(72.0, within(0.001));
  }

  @Test
  void directionComesFromTheImporterElseTheWordsElseTheNumbers() {
    Optional<BigDecimal> none = Optional.empty();
    assertThat(IndicatorDirection.of("numeric_lower_better", "任意", none, none))
        .isEqualTo(IndicatorDirection.LOWER_IS_BETTER);
    assertThat(IndicatorDirection.of("numeric_higher_better", "PM2.5浓度", none, none))
        .isEqualTo(IndicatorDirection.HIGHER_IS_BETTER);
    assertThat(IndicatorDirection.of("numeric", "细颗粒物（PM2.5）平均浓度", none, none))
        .isEqualTo(IndicatorDirection.LOWER_IS_BETTER);
    assertThat(IndicatorDirection.of("numeric", "空气质量优良天数比率", none, none))
        .isEqualTo(IndicatorDirection.HIGHER_IS_BETTER);
    assertThat(IndicatorDirection.of("numeric", "地表水达到或好于Ⅲ类水体比例", none, none))
        .isEqualTo(IndicatorDirection.HIGHER_IS_BETTER);
    assertThat(
            IndicatorDirection.of(
                "numeric",
                "噪声",
                Optional.of(new BigDecimal("55")),
                Optional.of(new BigDecimal("50"))))
        .isEqualTo(IndicatorDirection.LOWER_IS_BETTER);
  }

  @Test
  void statusIsOnTrackWarningWithinTheMarginAndBehindBeyondIt() {
    // PM2.5 needs 39.33 in 2024: 39.6 is 0.27 short of a span of 4, within 10 %.
    assertThat(IndicatorStatus.judge(IndicatorDirection.LOWER_IS_BETTER, PM25, 2024, 39.6, 0.1))
        .isEqualTo(IndicatorStatus.WARNING);
    assertThat(IndicatorStatus.judge(IndicatorDirection.LOWER_IS_BETTER, PM25, 2024, 39.0, 0.1))
        .isEqualTo(IndicatorStatus.ON_TRACK);
    assertThat(IndicatorStatus.judge(IndicatorDirection.LOWER_IS_BETTER, PM25, 2024, 41.0, 0.1))
        .isEqualTo(IndicatorStatus.BEHIND);
    // 优良天数 needs 73.5 in 2024: 72.9 is 0.6 short of 4.5, beyond 10 % but within 20 %.
    assertThat(
            IndicatorStatus.judge(IndicatorDirection.HIGHER_IS_BETTER, GOOD_DAYS, 2024, 72.9, 0.1))
        .isEqualTo(IndicatorStatus.BEHIND);
    assertThat(
            IndicatorStatus.judge(IndicatorDirection.HIGHER_IS_BETTER, GOOD_DAYS, 2024, 72.9, 0.2))
        .isEqualTo(IndicatorStatus.WARNING);
  }

  @Test
  void theTrendIsALeastSquaresLineCarriedToTheTargetYear() {
    Map<Integer, Double> values = new TreeMap<>(Map.of(2022, 42.0, 2023, 41.0, 2024, 39.6));
    TrendForecast trend = TrendForecast.fit(values).orElseThrow();
    assertThat(trend.slope()).isCloseTo(-1.2, within(1e-9));
    assertThat(trend.at(2025)).isCloseTo(38.4667, within(1e-3));
    assertThat(TrendForecast.fit(Map.of(2024, 1.0))).isEmpty();
  }

  @Test
  void deadlinesAreMetMissedOverdueOrDueSoon() {
    LocalDate due = LocalDate.of(2025, 6, 30);
    assertThat(TargetDeadline.of(due, Optional.of(due), LocalDate.of(2025, 8, 1), 30))
        .isEqualTo(TargetDeadline.MET);
    assertThat(TargetDeadline.of(due, Optional.of(LocalDate.of(2025, 7, 1)), due.plusDays(5), 30))
        .isEqualTo(TargetDeadline.MISSED);
    assertThat(TargetDeadline.of(due, Optional.empty(), LocalDate.of(2025, 7, 1), 30))
        .isEqualTo(TargetDeadline.OVERDUE);
    assertThat(TargetDeadline.of(due, Optional.empty(), due, 30))
        .isEqualTo(TargetDeadline.DUE_SOON);
    assertThat(TargetDeadline.of(due, Optional.empty(), LocalDate.of(2025, 5, 31), 30))
        .isEqualTo(TargetDeadline.DUE_SOON);
    assertThat(TargetDeadline.of(due, Optional.empty(), LocalDate.of(2025, 5, 30), 30))
        .isEqualTo(TargetDeadline.OPEN);
  }

  @Test
  void reportsAreDueAtTheEndOfEachPeriodAndLateWithoutOneInThePeriodThatEnded() {
    LocalDate today = LocalDate.of(2025, 5, 20);
    assertThat(DispatchSchedule.QUARTERLY.nextDue(today)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(DispatchSchedule.QUARTERLY.lastDue(today)).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(DispatchSchedule.MONTHLY.nextDue(today)).isEqualTo(LocalDate.of(2025, 5, 31));
    assertThat(DispatchSchedule.HALF_YEARLY.nextDue(today)).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(DispatchSchedule.YEARLY.lastDue(today)).isEqualTo(LocalDate.of(2024, 12, 31));
    LocalDate published = LocalDate.of(2024, 1, 10);
    assertThat(
            DispatchSchedule.QUARTERLY.overdue(
                published, Optional.of(LocalDate.of(2025, 2, 1)), today))
        .isFalse();
    assertThat(
            DispatchSchedule.QUARTERLY.overdue(
                published, Optional.of(LocalDate.of(2024, 12, 31)), today))
        .isTrue();
    assertThat(DispatchSchedule.QUARTERLY.overdue(published, Optional.empty(), today)).isTrue();
    // published after the last due date: nothing was due yet
    assertThat(
            DispatchSchedule.QUARTERLY.overdue(LocalDate.of(2025, 4, 2), Optional.empty(), today))
        .isFalse();
    assertThat(DispatchSchedule.MONTHLY.remind(Optional.empty(), today, 14)).isTrue();
    assertThat(DispatchSchedule.QUARTERLY.remind(Optional.empty(), today, 14)).isFalse();
    assertThat(DispatchSchedule.MONTHLY.remind(Optional.of(LocalDate.of(2025, 5, 2)), today, 14))
        .isFalse();
  }
}
