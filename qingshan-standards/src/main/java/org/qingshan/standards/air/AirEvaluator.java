package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.aqi.AqiCalculator;
import org.qingshan.standards.aqi.AqiCategory;
import org.qingshan.standards.aqi.AqiReportType;
import org.qingshan.standards.aqi.AqiResult;
import org.qingshan.standards.regime.RuleSet;

/**
 * Air quality evaluation per HJ 663: daily values and AQI, 优良天数, annual statistics with data
 * validity, comparison with GB 3095 and the composite index.
 *
 * <p>Daily AQIs use the rule set of each day unless the caller forces one; the annual statistics
 * use the rule set in force on the last day of the period unless forced. Daily means enter the
 * annual mean and percentiles unrounded and are rounded once at the end (GB/T 8170 forbids
 * successive rounding).
 */
public final class AirEvaluator {
  private static final AirPollutant[] MEAN_POLLUTANTS = {
    AirPollutant.SO2, AirPollutant.NO2, AirPollutant.PM10, AirPollutant.CO, AirPollutant.PM25
  };

  private AirEvaluator() {}

  /** A calendar year of a 二类区 station under the rule sets in force. */
  public static AirEvaluation evaluateYear(HourlySeries series, int year) {
    return evaluate(
        series,
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31),
        AirZoneClass.CLASS_2,
        Optional.empty());
  }

  /** The daily values and AQI of every day in the series. */
  public static List<DailyAirQuality> daily(HourlySeries series, Optional<RuleSet> forced) {
    List<DailyAirQuality> out = new ArrayList<>(series.days());
    for (int d = 0; d < series.days(); d++) {
      out.add(dailyQuality(series, d, forced));
    }
    return out;
  }

  private static DailyAirQuality dailyQuality(
      HourlySeries series, int d, Optional<RuleSet> forced) {
    LocalDate date = series.firstDay().plusDays(d);
    DailyAirValues values = DailyAggregator.day(series, date);
    RuleSet rs = forced.orElseGet(() -> RuleSet.forDate(date));
    AqiResult aqi =
        AqiCalculator.calculate(rs.aqi(), AqiReportType.DAILY, values.toDailyAqiInput());
    return new DailyAirQuality(values, rs, aqi);
  }

  /**
   * @param forced a rule set to apply to every day and to the statistics, e.g. to recompute last
   *     year under this year's rules; empty to use the rules in force
   */
  public static AirEvaluation evaluate(
      HourlySeries series,
      LocalDate from,
      LocalDate to,
      AirZoneClass zone,
      Optional<RuleSet> forced) {
    if (from.isBefore(series.firstDay()) || to.isAfter(series.lastDay()) || to.isBefore(from)) {
      throw new IllegalArgumentException(
          "period "
              + from
              + "–"
              + to
              + " is not inside the series "
              + series.firstDay()
              + "–"
              + series.lastDay());
    }
    RuleSet rules = forced.orElseGet(() -> RuleSet.forDate(to));
    int first = (int) ChronoUnit.DAYS.between(series.firstDay(), from);
    int n = (int) ChronoUnit.DAYS.between(from, to) + 1;

    List<DailyAirQuality> days = new ArrayList<>(n);
    Map<RuleSet, Integer> byRuleSet = new EnumMap<>(RuleSet.class);
    Map<AirPollutant, Integer> byPollutant = new EnumMap<>(AirPollutant.class);
    Map<AqiCategory, Integer> byCategory = new EnumMap<>(AqiCategory.class);
    Map<AirPollutant, Integer> overLimit = new EnumMap<>(AirPollutant.class);
    DailyLimits limits = new DailyLimits(rules, zone);
    int effective = 0;
    int good = 0;
    int exceed = 0;
    for (int d = first; d < first + n; d++) {
      DailyAirQuality day = dailyQuality(series, d, forced);
      days.add(day);
      byRuleSet.merge(day.ruleSet(), 1, Integer::sum);
      if (day.effective()) {
        effective++;
        if (day.goodOrExcellent()) {
          good++;
        } else {
          exceed++;
        }
        day.aqi().category().ifPresent(c -> byCategory.merge(c, 1, Integer::sum));
      }
      day.aqi().iaqis().stream()
          .filter(i -> i.value() > 100)
          .map(i -> i.indicator().pollutant())
          .distinct()
          .forEach(p -> byPollutant.merge(p, 1, Integer::sum));
      limits.exceeded(day.values()).forEach(p -> overLimit.merge(p, 1, Integer::sum));
    }

    List<PollutantStatistic> stats = new ArrayList<>();
    for (AirPollutant p : MEAN_POLLUTANTS) {
      long[] values = new long[n];
      int[] perDay = new int[n];
      int count = 0;
      for (int i = 0; i < n; i++) {
        long v = DailyAggregator.dailyMeanNumerator(series.milli(p), first + i);
        if (v != DailyAggregator.ABSENT) {
          values[count++] = v;
          perDay[i] = 1;
        }
      }
      boolean valid = enoughDays(from, to, perDay);
      long denominator = DailyAggregator.DAY_DENOMINATOR * HourlySeries.MILLI;
      if (p != AirPollutant.CO) {
        stats.add(
            statistic(
                p,
                StatisticKind.ANNUAL_MEAN,
                rules,
                zone,
                count,
                valid,
                mean(values, count, denominator, p.decimals())));
      }
      StatisticKind kind =
          (p == AirPollutant.SO2 || p == AirPollutant.NO2)
              ? StatisticKind.DAILY_PERCENTILE_98
              : StatisticKind.DAILY_PERCENTILE_95;
      stats.add(
          statistic(
              p,
              kind,
              rules,
              zone,
              count,
              valid,
              percentile(values, count, kind.percentile(), denominator, p.decimals())));
    }
    long[] mda8 = new long[n];
    int[] perDay = new int[n];
    int count = 0;
    long[] windows = new long[1];
    int[] o3 = series.milli(AirPollutant.O3);
    for (int i = 0; i < n; i++) {
      long v = DailyAggregator.maxDaily8Hour(o3, first + i, windows);
      if (v != DailyAggregator.ABSENT) {
        mda8[count++] = v;
        perDay[i] = 1;
      }
    }
    stats.add(
        statistic(
            AirPollutant.O3,
            StatisticKind.MDA8_PERCENTILE_90,
            rules,
            zone,
            count,
            enoughDays(from, to, perDay),
            percentile(
                mda8, count, 90, DailyAggregator.WINDOW_DENOMINATOR * HourlySeries.MILLI, 0)));

    Attainment attainment =
        stats.stream().anyMatch(s -> s.valid() && !s.attained())
            ? Attainment.NOT_ATTAINED
            : stats.stream().allMatch(PollutantStatistic::valid)
                ? Attainment.ATTAINED
                : Attainment.INSUFFICIENT_DATA;

    return new AirEvaluation(
        rules,
        zone,
        from,
        to,
        days,
        byRuleSet,
        effective,
        good,
        exceed,
        effective == 0
            ? Optional.empty()
            : Optional.of(
                BigDecimal.valueOf(good * 100L)
                    .divide(BigDecimal.valueOf(effective), 1, RoundingMode.HALF_EVEN)),
        byPollutant,
        overLimit,
        byCategory,
        stats,
        compositeIndex(stats, rules),
        attainment);
  }

  /**
   * GB 3095 表4: each full calendar month of the period needs 27 valid days (25 in February); a full
   * calendar year needs 324.
   */
  static boolean enoughDays(LocalDate from, LocalDate to, int[] validPerDay) {
    int total = Arrays.stream(validPerDay).sum();
    boolean fullYear =
        from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
    if (fullYear && total < DataValidity.MIN_DAYS_PER_YEAR) {
      return false;
    }
    Map<YearMonth, Integer> perMonth = new HashMap<>();
    for (int i = 0; i < validPerDay.length; i++) {
      perMonth.merge(YearMonth.from(from.plusDays(i)), validPerDay[i], Integer::sum);
    }
    for (Map.Entry<YearMonth, Integer> e : perMonth.entrySet()) {
      YearMonth m = e.getKey();
      boolean whole = !from.isAfter(m.atDay(1)) && !to.isBefore(m.atEndOfMonth());
      if (whole && e.getValue() < DataValidity.minDaysPerMonth(m.getMonth())) {
        return false;
      }
    }
    return total > 0;
  }

  private static Optional<BigDecimal> mean(
      long[] values, int count, long denominator, int decimals) {
    if (count == 0) {
      return Optional.empty();
    }
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    return Optional.of(
        BigDecimal.valueOf(sum)
            .divide(
                BigDecimal.valueOf(denominator).multiply(BigDecimal.valueOf(count)),
                decimals,
                RoundingMode.HALF_EVEN));
  }

  private static Optional<BigDecimal> percentile(
      long[] values, int count, int p, long denominator, int decimals) {
    if (count == 0) {
      return Optional.empty();
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    long times100 = Percentile.ofSortedTimes100(sorted, count, p);
    return Optional.of(ExactRounding.halfEven(times100, denominator * 100, decimals));
  }

  private static PollutantStatistic statistic(
      AirPollutant p,
      StatisticKind kind,
      RuleSet rules,
      AirZoneClass zone,
      int validDays,
      boolean valid,
      Optional<BigDecimal> value) {
    BigDecimal limit =
        AirQualityLimits.limit(rules.limits(), p, kind.comparedWith(), zone).orElseThrow();
    return new PollutantStatistic(p, kind, validDays, valid, value, limit);
  }

  private static Optional<CompositeIndex> compositeIndex(
      List<PollutantStatistic> stats, RuleSet rules) {
    Map<AirPollutant, BigDecimal> exact = new EnumMap<>(AirPollutant.class);
    for (PollutantStatistic s : stats) {
      boolean used =
          s.kind() == StatisticKind.ANNUAL_MEAN
              || s.pollutant() == AirPollutant.CO
              || s.pollutant() == AirPollutant.O3;
      if (!used) {
        continue;
      }
      if (s.value().isEmpty()) {
        return Optional.empty();
      }
      BigDecimal standard =
          AirQualityLimits.limit(
                  rules.limits(), s.pollutant(), s.kind().comparedWith(), AirZoneClass.CLASS_2)
              .orElseThrow();
      exact.put(s.pollutant(), s.value().get().divide(standard, MathContext.DECIMAL64));
    }
    BigDecimal sum = exact.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal max = exact.values().stream().max(BigDecimal::compareTo).orElseThrow();
    Map<AirPollutant, BigDecimal> rounded = new EnumMap<>(AirPollutant.class);
    List<AirPollutant> largest = new ArrayList<>();
    exact.forEach(
        (p, v) -> {
          rounded.put(p, v.setScale(2, RoundingMode.HALF_EVEN));
          if (v.compareTo(max) == 0) {
            largest.add(p);
          }
        });
    return Optional.of(
        new CompositeIndex(sum.setScale(2, RoundingMode.HALF_EVEN), rounded, largest));
  }
}
