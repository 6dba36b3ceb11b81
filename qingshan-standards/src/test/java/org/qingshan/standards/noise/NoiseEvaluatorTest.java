package org.qingshan.standards.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingshan.standards.testsupport.SharedReference;

class NoiseEvaluatorTest {

  @Test
  void limitsMatchTheReferenceTable() {
    List<List<String>> rows = SharedReference.tableAfter("## 6. 声环境质量标准 GB 3096—2008");
    assertThat(rows).hasSize(6);
    for (List<String> row : rows) {
      NoiseZoneClass zone = NoiseZoneClass.fromCode(row.get(0)).orElseThrow();
      assertThat(zone.limit(NoisePeriod.DAY)).isEqualTo(Integer.parseInt(row.get(1)));
      assertThat(zone.limit(NoisePeriod.NIGHT)).isEqualTo(Integer.parseInt(row.get(2)));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2} dB → exceeds {3}")
  @CsvSource({
    "0, DAY, 50, false",
    "0, DAY, 50.1, true",
    "1, NIGHT, 45, false",
    "1, NIGHT, 45.1, true",
    "2, DAY, 59.9, false",
    "3, NIGHT, 55.0, false",
    "4a, NIGHT, 55.5, true",
    "4b, NIGHT, 60, false",
    "4b, DAY, 70.1, true",
  })
  void equivalentLevelAgainstLimit(String zone, NoisePeriod period, String level, boolean over) {
    NoiseAssessment a =
        NoiseEvaluator.equivalentLevel(
            NoiseZoneClass.fromCode(zone).orElseThrow(), period, new BigDecimal(level));
    assertThat(a.exceeds()).isEqualTo(over);
  }

  @Test
  void exceedanceIsTheDifference() {
    NoiseAssessment a =
        NoiseEvaluator.equivalentLevel(
            NoiseZoneClass.CLASS_2, NoisePeriod.NIGHT, new BigDecimal("53.4"));
    assertThat(a.exceedance()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3.4"));
    assertThat(a.standard().code()).isEqualTo("GB3096-2008");
  }

  @Test
  void nightMaximumMayExceedByFifteen() {
    assertThat(NoiseEvaluator.nightMaximum(NoiseZoneClass.CLASS_1, new BigDecimal("60")).exceeds())
        .isFalse();
    assertThat(
            NoiseEvaluator.nightMaximum(NoiseZoneClass.CLASS_1, new BigDecimal("60.1")).exceeds())
        .isTrue();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"05:59, NIGHT", "06:00, DAY", "21:59, DAY", "22:00, NIGHT", "00:00, NIGHT"})
  void dayRunsFromSixToTwentyTwo(LocalTime t, NoisePeriod expected) {
    assertThat(NoiseDayHours.GB3096.periodAt(t)).isEqualTo(expected);
  }
}
