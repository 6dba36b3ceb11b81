package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;

/**
 * Valid hourly means of one station over whole days (Beijing time). Hour h of a day is the interval
 * h:00–(h+1):00; invalid or missing hours are simply absent. Values are stored to 0.001 of their
 * unit (µg/m³, CO mg/m³), finer than any monitor reports, so that daily means can be computed
 * exactly.
 */
public final class HourlySeries {
  static final int MISSING = Integer.MIN_VALUE;
  static final int MILLI = 1000;
  private static final BigDecimal MAX_VALUE = BigDecimal.valueOf(1_000_000);

  private final LocalDate firstDay;
  private final int days;
  private final int[][] milli;

  private HourlySeries(LocalDate firstDay, int days, int[][] milli) {
    this.firstDay = firstDay;
    this.days = days;
    this.milli = milli;
  }

  public static Builder builder(LocalDate firstDay, int days) {
    return new Builder(firstDay, days);
  }

  public LocalDate firstDay() {
    return firstDay;
  }

  public int days() {
    return days;
  }

  public LocalDate lastDay() {
    return firstDay.plusDays(days - 1L);
  }

  public Optional<BigDecimal> value(AirPollutant pollutant, LocalDateTime hourStart) {
    long h = ChronoUnit.HOURS.between(firstDay.atStartOfDay(), hourStart);
    if (h < 0 || h >= (long) days * 24) {
      return Optional.empty();
    }
    int v = milli[pollutant.ordinal()][(int) h];
    return v == MISSING ? Optional.empty() : Optional.of(BigDecimal.valueOf(v, 3));
  }

  /** Raw storage for the aggregation code in this package. */
  int[] milli(AirPollutant pollutant) {
    return milli[pollutant.ordinal()];
  }

  /** Collects hourly values; a value set twice keeps the last one. */
  public static final class Builder {
    private final LocalDate firstDay;
    private final int days;
    private final int[][] milli;

    private Builder(LocalDate firstDay, int days) {
      if (days < 1) {
        throw new IllegalArgumentException("at least one day");
      }
      this.firstDay = firstDay;
      this.days = days;
      this.milli = new int[AirPollutant.values().length][days * 24];
      for (int[] row : milli) {
        Arrays.fill(row, MISSING);
      }
    }

    public Builder set(AirPollutant pollutant, LocalDateTime hourStart, BigDecimal value) {
      long h = ChronoUnit.HOURS.between(firstDay.atStartOfDay(), hourStart);
      if (h < 0 || h >= (long) days * 24) {
        throw new IllegalArgumentException(hourStart + " is outside the series");
      }
      return set(pollutant, (int) h, value);
    }

    /**
     * @param hourIndex hours since the start of the first day
     */
    public Builder set(AirPollutant pollutant, int hourIndex, BigDecimal value) {
      if (value.signum() < 0 || value.compareTo(MAX_VALUE) > 0) {
        throw new IllegalArgumentException(pollutant + " out of range: " + value);
      }
      milli[pollutant.ordinal()][hourIndex] =
          value.setScale(3, RoundingMode.HALF_EVEN).unscaledValue().intValueExact();
      return this;
    }

    /** Fast path for generated or bulk data; the value is kept to 0.001. */
    public Builder set(AirPollutant pollutant, int hourIndex, double value) {
      if (!(value >= 0) || value > 1_000_000) {
        throw new IllegalArgumentException(pollutant + " out of range: " + value);
      }
      milli[pollutant.ordinal()][hourIndex] = (int) Math.round(value * MILLI);
      return this;
    }

    public Builder clear(AirPollutant pollutant, int hourIndex) {
      milli[pollutant.ordinal()][hourIndex] = MISSING;
      return this;
    }

    public HourlySeries build() {
      int[][] copy = new int[milli.length][];
      for (int i = 0; i < milli.length; i++) {
        copy[i] = milli[i].clone();
      }
      return new HourlySeries(firstDay, days, copy);
    }
  }
}
