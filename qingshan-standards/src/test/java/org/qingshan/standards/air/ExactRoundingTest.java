package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactRoundingTest {

  @ParameterizedTest(name = "{0}/{1} to {2} decimals = {3}")
  @CsvSource({
    "345, 10, 0, 34", // 34.5 → 34
    "355, 10, 0, 36", // 35.5 → 36
    "3451, 100, 0, 35",
    "105, 100, 1, 1.0", // 1.05 → 1.0
    "115, 100, 1, 1.2", // 1.15 → 1.2
    "1, 3, 1, 0.3",
    "0, 7, 0, 0",
  })
  void ties(long num, long den, int decimals, String expected) {
    assertThat(ExactRounding.halfEven(num, den, decimals)).isEqualTo(new BigDecimal(expected));
  }

  @Test
  void agreesWithBigDecimalDivision() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      long den = 1 + r.nextLong(212_520_000L);
      // many exact ties: a multiple of half the denominator
      long num = r.nextBoolean() ? r.nextLong(1L << 40) : (den / 2) * r.nextLong(2000);
      int decimals = r.nextInt(2);
      BigDecimal expected =
          BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), decimals, RoundingMode.HALF_EVEN);
      assertThat(ExactRounding.halfEven(num, den, decimals)).isEqualTo(expected);
    }
  }
}
