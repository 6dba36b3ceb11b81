package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HJ 663 附录A: k = 1 + (n−1)·p%, m = X(s) + (X(s+1) − X(s))·(k − s). */
class PercentileTest {

  private static List<BigDecimal> oneTo(int n) {
    List<BigDecimal> values =
        new ArrayList<>(IntStream.rangeClosed(1, n).mapToObj(BigDecimal::valueOf).toList());
    Collections.shuffle(values, new Random(7));
    return values;
  }

  @ParameterizedTest(name = "1..{0}, p{1} = {2}")
  @CsvSource({
    // n=10: k = 1 + 9p/100
    "10, 98, 9.82",
    "10, 95, 9.55",
    "10, 90, 9.1",
    "10, 50, 5.5",
    // n=365: k = 1 + 364p/100
    "365, 98, 357.72",
    "365, 95, 346.8",
    "365, 90, 328.6",
    // n=101: k integer → X(k)
    "101, 90, 91",
    "101, 98, 99",
    "1, 95, 1",
  })
  void knownSeries(int n, int p, String expected) {
    assertThat(Percentile.of(oneTo(n), p))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
  }

  @Test
  void interpolatesBetweenUnequalNeighbours() {
    // sorted 10, 20, 40, 80: p90 → k = 1 + 3·0.9 = 3.7 → 40 + 40·0.7 = 68
    List<BigDecimal> v =
        List.of(
            new BigDecimal("80"), new BigDecimal("10"), new BigDecimal("40"), new BigDecimal("20"));
    assertThat(Percentile.of(v, 90))
        .hasValueSatisfying(x -> assertThat(x).isEqualByComparingTo("68"));
  }

  @Test
  void emptySeriesHasNoPercentile() {
    assertThat(Percentile.of(List.of(), 95)).isEmpty();
  }
}
