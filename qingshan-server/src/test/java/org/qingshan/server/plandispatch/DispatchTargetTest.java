package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether a figure reaches a dated target, by the importer's comparators. */
class DispatchTargetTest {

  private static DispatchTarget target(String comparator, String value) {
    return new DispatchTarget(
        1,
        0,
        "到2025年，清扫率达到90%以上。",
        Optional.of("清扫率"),
        Optional.ofNullable(comparator),
        Optional.ofNullable(value).map(BigDecimal::new),
        Optional.of("%"),
        Optional.of(LocalDate.of(2025, 12, 31)),
        Optional.empty(),
        List.of());
  }

  private static Optional<Boolean> met(String comparator, String value, String figure) {
    return target(comparator, value).metBy(new BigDecimal(figure));
  }

  @Test
  void eachComparatorJudgesTheFigure() {
    assertThat(met("≥", "90", "90")).hasValue(true);
    assertThat(met("≥", "90", "89.9")).hasValue(false);
    assertThat(met("力争≥", "95", "96")).hasValue(true);
    assertThat(met("≤", "35", "35")).hasValue(true);
    assertThat(met("原则上≤", "35", "35.5")).hasValue(false);
    assertThat(met(">", "10", "10")).hasValue(false);
    assertThat(met("<", "10", "9")).hasValue(true);
    // 减少 / 增长: the figure is the change achieved
    assertThat(met("减少", "6", "6.2")).hasValue(true);
    assertThat(met("增长", "10", "8")).hasValue(false);
    // 稳定在 / 左右: within 5 %
    assertThat(met("=", "80", "77")).hasValue(true);
    assertThat(met("≈", "80", "75")).hasValue(false);
  }

  @Test
  void aTargetWithoutValueOrComparatorIsNotJudgedByFigures() {
    assertThat(target("≥", null).measurable()).isFalse();
    assertThat(met("力争", "90", "91")).isEmpty();
    assertThat(target(null, "90").metBy(BigDecimal.ONE)).isEmpty();
    assertThat(target("≥", "90").goal()).isEqualTo("清扫率 ≥ 90%");
    assertThat(target("≥", "90").written(new BigDecimal("92.50"), Optional.of("初步统计")))
        .isEqualTo("92.5%（初步统计）");
  }
}
