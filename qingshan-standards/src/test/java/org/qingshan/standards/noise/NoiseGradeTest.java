package org.qingshan.standards.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HJ 640 grade boundaries from reference/standards.md §6. */
class NoiseGradeTest {

  @ParameterizedTest(name = "area {0} {1} dB → {2}")
  @CsvSource({
    "DAY, 50, 1",
    "DAY, 50.1, 2",
    "DAY, 55, 2",
    "DAY, 60, 3",
    "DAY, 65, 4",
    "DAY, 65.1, 5",
    "NIGHT, 40, 1",
    "NIGHT, 40.1, 2",
    "NIGHT, 45, 2",
    "NIGHT, 50, 3",
    "NIGHT, 55, 4",
    "NIGHT, 55.1, 5"
  })
  void area(NoisePeriod period, String level, int grade) {
    assertThat(NoiseGrade.area(period, new BigDecimal(level)).level()).isEqualTo(grade);
  }

  @ParameterizedTest(name = "road {0} {1} dB → {2}")
  @CsvSource({
    "DAY, 68, 1",
    "DAY, 68.1, 2",
    "DAY, 70, 2",
    "DAY, 72, 3",
    "DAY, 74, 4",
    "DAY, 74.1, 5",
    "NIGHT, 58, 1",
    "NIGHT, 58.1, 2",
    "NIGHT, 60, 2",
    "NIGHT, 62, 3",
    "NIGHT, 64, 4",
    "NIGHT, 64.1, 5"
  })
  void roadTraffic(NoisePeriod period, String level, int grade) {
    assertThat(NoiseGrade.roadTraffic(period, new BigDecimal(level)).level()).isEqualTo(grade);
  }
}
