package org.qingshan.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** GB 3095 表4: ≥ 324 days a year, ≥ 27 a month, ≥ 25 in February. */
class DataValidityTest {

  /** Valid flags for 2025 with the given number of valid days in each month (from the 1st). */
  private static int[] year2025(int... perMonth) {
    int[] flags = new int[365];
    LocalDate d = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < 365; i++, d = d.plusDays(1)) {
      flags[i] = d.getDayOfMonth() <= perMonth[d.getMonthValue() - 1] ? 1 : 0;
    }
    return flags;
  }

  private static boolean valid(int[] flags) {
    return AirEvaluator.enoughDays(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), flags);
  }

  @Test
  void everyMonthAtItsMinimumIsNotEnoughForTheYear() {
    // 11·27 + 25 = 322 < 324
    assertThat(valid(year2025(27, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27))).isFalse();
    // 323
    assertThat(valid(year2025(28, 25, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27))).isFalse();
    // 324
    assertThat(valid(year2025(28, 26, 27, 27, 27, 27, 27, 27, 27, 27, 27, 27))).isTrue();
  }

  @Test
  void aMonthBelowItsMinimumFailsTheYear() {
    assertThat(valid(year2025(26, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))).isFalse();
    assertThat(valid(year2025(27, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))).isTrue();
    assertThat(valid(year2025(31, 24, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))).isFalse();
    assertThat(valid(year2025(31, 25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))).isTrue();
  }

  @Test
  void partialMonthsAtTheEdgesOfAPeriodAreNotJudged() {
    // 10 June – 5 July: June and July are not whole; 3 valid days is still some data
    int[] flags = new int[26];
    flags[0] = flags[1] = flags[25] = 1;
    assertThat(AirEvaluator.enoughDays(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 5), flags))
        .isTrue();
    assertThat(DataValidity.minDaysPerMonth(YearMonth.of(2024, 2).getMonth())).isEqualTo(25);
  }
}
