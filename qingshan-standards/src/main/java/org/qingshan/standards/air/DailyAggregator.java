package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;

/**
 * Daily means, O₃ daily maximum hour and O₃ daily maximum 8-hour mean from hourly data. An 8-hour
 * mean is labelled by its last hour; the day's windows are those ending at 08:00 … 24:00, i.e.
 * starting at hours 0 … 16 of the same day (HJ 663 "08时至24时"). Means are kept as exact fractions
 * with a common denominator so that the single rounding at the end is exact.
 */
public final class DailyAggregator {
  /** lcm(20, 21, 22, 23, 24): any valid daily mean times this is a whole number of milli-units. */
  static final long DAY_DENOMINATOR = 212_520L;

  /** lcm(6, 7, 8) for 8-hour means. */
  static final long WINDOW_DENOMINATOR = 168L;

  static final long ABSENT = Long.MIN_VALUE;

  private static final int FIRST_WINDOW_START = 0;
  private static final int LAST_WINDOW_START = 16;

  private DailyAggregator() {}

  /** The rounded daily values of one day of the series. */
  public static DailyAirValues day(HourlySeries series, LocalDate date) {
    int d = (int) ChronoUnit.DAYS.between(series.firstDay(), date);
    if (d < 0 || d >= series.days()) {
      throw new IllegalArgumentException(date + " is outside the series");
    }
    Map<AirPollutant, BigDecimal> means = new EnumMap<>(AirPollutant.class);
    for (AirPollutant p : AirPollutant.values()) {
      if (p == AirPollutant.O3) {
        continue;
      }
      long num = dailyMeanNumerator(series.milli(p), d);
      if (num != ABSENT) {
        means.put(p, roundDailyMean(p, num));
      }
    }
    int[] o3 = series.milli(AirPollutant.O3);
    int max = maxHour(o3, d);
    long[] windows = new long[1];
    long mda8 = maxDaily8Hour(o3, d, windows);
    return new DailyAirValues(
        date,
        means,
        max == HourlySeries.MISSING
            ? Optional.empty()
            : Optional.of(ExactRounding.halfEven(max, HourlySeries.MILLI, 0)),
        mda8 == ABSENT ? Optional.empty() : Optional.of(roundMda8(mda8)),
        (int) windows[0]);
  }

  static BigDecimal roundDailyMean(AirPollutant p, long numerator) {
    return ExactRounding.halfEven(numerator, DAY_DENOMINATOR * HourlySeries.MILLI, p.decimals());
  }

  static BigDecimal roundMda8(long numerator) {
    return ExactRounding.halfEven(numerator, WINDOW_DENOMINATOR * HourlySeries.MILLI, 0);
  }

  /** Mean of day d times DAY_DENOMINATOR (in milli-units), or ABSENT below 20 valid hours. */
  static long dailyMeanNumerator(int[] milli, int d) {
    long sum = 0;
    int n = 0;
    for (int h = d * 24, end = h + 24; h < end; h++) {
      int v = milli[h];
      if (v != HourlySeries.MISSING) {
        sum += v;
        n++;
      }
    }
    return n < DataValidity.MIN_HOURS_PER_DAY ? ABSENT : sum * (DAY_DENOMINATOR / n);
  }

  /** Maximum valid hour of day d, or MISSING when the day has fewer than 20 valid hours. */
  static int maxHour(int[] milli, int d) {
    int max = HourlySeries.MISSING;
    int n = 0;
    for (int h = d * 24, end = h + 24; h < end; h++) {
      if (milli[h] != HourlySeries.MISSING) {
        n++;
        max = Math.max(max, milli[h]);
      }
    }
    return n < DataValidity.MIN_HOURS_PER_DAY ? HourlySeries.MISSING : max;
  }

  /**
   * MDA8 of day d times WINDOW_DENOMINATOR, or ABSENT. validWindows[0] receives the number of valid
   * windows.
   */
  static long maxDaily8Hour(int[] milli, int d, long[] validWindows) {
    long best = ABSENT;
    int valid = 0;
    int base = d * 24;
    for (int start = FIRST_WINDOW_START; start <= LAST_WINDOW_START; start++) {
      long sum = 0;
      int n = 0;
      for (int h = base + start, end = h + 8; h < end; h++) {
        int v = milli[h];
        if (v != HourlySeries.MISSING) {
          sum += v;
          n++;
        }
      }
      if (n >= DataValidity.MIN_HOURS_PER_8_HOUR_WINDOW) {
        valid++;
        best = Math.max(best, sum * (WINDOW_DENOMINATOR / n));
      }
    }
    validWindows[0] = valid;
    if (best == ABSENT) {
      return ABSENT;
    }
    if (valid >= DataValidity.MIN_8_HOUR_WINDOWS_PER_DAY) {
      return best;
    }
    // Fewer than 14 windows: valid only if the maximum already exceeds the limit.
    return roundMda8(best).compareTo(DataValidity.O3_8H_LIMIT) > 0 ? best : ABSENT;
  }
}
