package org.qingshan.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qingshan.standards.regime.AqiStandard;

/**
 * Every breakpoint of every column of 表1 (2012) and 表3 (2026), and the values one reporting unit
 * below and above it. Expected values are computed here with integer arithmetic from a copy of the
 * table in reference/standards.md §1.1, not from the production table.
 */
class IaqiBoundaryTest {
  private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

  /** Copy of reference §1.1; CO in tenths of mg/m³ so every row is an integer. */
  private static long[] column(AqiStandard s, AqiIndicator i) {
    boolean y2012 = s == AqiStandard.HJ633_2012;
    return switch (i) {
      case SO2_24H -> new long[] {0, 50, 150, 475, 800, 1600, 2100, 2620};
      case SO2_1H -> new long[] {0, 150, 500, 650, 800};
      case NO2_24H -> new long[] {0, 40, 80, 180, 280, 565, 750, 940};
      case NO2_1H -> new long[] {0, 100, 200, 700, 1200, 2340, 3090, 3840};
      case PM10_24H, PM10_1H -> new long[] {0, 50, y2012 ? 150 : 120, 250, 350, 420, 500, 600};
      case CO_24H -> new long[] {0, 20, 40, 140, 240, 360, 480, 600};
      case CO_1H -> new long[] {0, 50, 100, 350, 600, 900, 1200, 1500};
      case O3_1H -> new long[] {0, 160, 200, 300, 400, 800, 1000, 1200};
      case O3_8H -> new long[] {0, 100, 160, 215, 265, 800};
      case PM25_24H, PM25_1H -> new long[] {0, 35, y2012 ? 75 : 60, 115, 150, 250, 350, 500};
    };
  }

  static Stream<Arguments> boundaries() {
    List<Arguments> args = new ArrayList<>();
    for (AqiStandard s : AqiStandard.values()) {
      for (AqiIndicator i : AqiIndicator.values()) {
        boolean pm1h = i == AqiIndicator.PM10_1H || i == AqiIndicator.PM25_1H;
        if (pm1h && s == AqiStandard.HJ633_2012) {
          continue;
        }
        long[] bp = column(s, i);
        for (int j = 0; j < bp.length; j++) {
          for (long delta : new long[] {-1, 0, 1}) {
            long c = bp[j] + delta;
            if (c >= 0) {
              args.add(Arguments.of(s, i, c));
            }
          }
        }
      }
    }
    return args.stream();
  }

  /** Expected IAQI by 式1 with ceiling, or the special rule above the top of the column. */
  private static Optional<Integer> expected(AqiStandard s, AqiIndicator i, long c) {
    long[] bp = column(s, i);
    if (c > bp[bp.length - 1]) {
      boolean y2026 = s == AqiStandard.HJ633_2026;
      if (i == AqiIndicator.SO2_1H) {
        return y2026 ? Optional.of(200) : Optional.empty();
      }
      if (i == AqiIndicator.O3_8H) {
        return y2026 ? Optional.of(300) : Optional.empty();
      }
      return Optional.of(500);
    }
    int j = 0;
    while (c > bp[j + 1]) {
      j++;
    }
    long num = (long) (IAQI[j + 1] - IAQI[j]) * (c - bp[j]);
    long den = bp[j + 1] - bp[j];
    return Optional.of(IAQI[j] + (int) ((num + den - 1) / den));
  }

  @ParameterizedTest(name = "{0} {1} at {2}")
  @MethodSource("boundaries")
  void iaqiAtBreakpointAndOneUnitEitherSide(AqiStandard s, AqiIndicator i, long c) {
    BigDecimal concentration =
        i.pollutant() == AirPollutant.CO ? BigDecimal.valueOf(c, 1) : BigDecimal.valueOf(c);

    Optional<Integer> actual = IaqiCalculator.calculate(s, i, concentration).map(Iaqi::value);

    assertThat(actual).isEqualTo(expected(s, i, c));
  }

  @ParameterizedTest(name = "{0} {1} at breakpoint {2} is exactly the table IAQI")
  @MethodSource("boundaries")
  void breakpointsGiveTheTableLevelExactly(AqiStandard s, AqiIndicator i, long c) {
    long[] bp = column(s, i);
    for (int j = 0; j < bp.length; j++) {
      if (bp[j] == c) {
        BigDecimal concentration =
            i.pollutant() == AirPollutant.CO ? BigDecimal.valueOf(c, 1) : BigDecimal.valueOf(c);
        assertThat(IaqiCalculator.calculate(s, i, concentration).map(Iaqi::value))
            .contains(IAQI[j]);
      }
    }
  }
}
