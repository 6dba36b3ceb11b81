package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
        false,
        Optional.empty(),
        List.of());
  }

  /** 2025年底前，完成市下达的年度减排任务: no value in the text, the city's figure entered or not. */
  private static DispatchTarget assigned(Optional<AssignedFigure> figure) {
    return new DispatchTarget(
        1,
        0,
        "2025年底前，完成市下达的年度减排任务。",
        Optional.of("年度减排任务"),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(LocalDate.of(2025, 12, 31)),
        Optional.empty(),
        true,
        figure,
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

  @Test
  void aTargetTheCitySetsAwaitsItsFigureThenIsJudgedByIt() {
    DispatchTarget awaiting = assigned(Optional.empty());
    assertThat(awaiting.awaitingAssignment()).isTrue();
    assertThat(awaiting.measurable()).isFalse();
    assertThat(awaiting.metBy(new BigDecimal("5000"))).isEmpty();
    assertThat(awaiting.goal()).isEqualTo("年度减排任务");
    DispatchTarget entered =
        assigned(
            Optional.of(
                new AssignedFigure(
                    new BigDecimal("1200"),
                    "减少",
                    Optional.of("吨"),
                    "市生态环境局2026年3月下达",
                    "planner",
                    OffsetDateTime.parse("2026-03-10T09:00:00+08:00"))));
    assertThat(entered.awaitingAssignment()).isFalse();
    assertThat(entered.measurable()).isTrue();
    assertThat(entered.goal()).isEqualTo("年度减排任务 减少 1200吨");
    assertThat(entered.metBy(new BigDecimal("1199"))).hasValue(false);
    assertThat(entered.metBy(new BigDecimal("1200"))).hasValue(true);
    assertThat(entered.written(new BigDecimal("1000"), Optional.empty())).isEqualTo("1000吨");
    // the text's own target is not one a higher level sets
    assertThat(target("≥", null).awaitingAssignment()).isFalse();
  }

  private static DispatchTarget.Reading reading(String at, String amount) {
    return new DispatchTarget.Reading(
        1, OffsetDateTime.parse(at), Optional.empty(), new BigDecimal(amount), Optional.empty());
  }

  private static Optional<DispatchTarget.Attainment> attainment(
      String today, DispatchTarget.Reading... readings) {
    return target("≥", "90")
        .withReadings(List.of(readings))
        .attainment(LocalDate.parse(today), ZoneId.of("Asia/Shanghai"));
  }

  /**
   * ≥ 90 % by 2025-12-31: a figure meeting it by the deadline is 已达到, one only after it (the demo's
   * 91 % of 2026-06-24) 超期达到, none after the deadline 未达到; before the deadline a figure short of it
   * is not yet reached. Dates are the county's: 2026-01-01 00:30 in Shanghai is after the deadline
   * though it is still 2025 in UTC.
   */
  @Test
  void aFigureAfterTheDeadlineMeetsTheTargetLate() {
    DispatchTarget.Reading early = reading("2025-06-30T10:00:00+08:00", "85");
    DispatchTarget.Reading inTime = reading("2025-12-31T16:00:00+08:00", "90.5");
    DispatchTarget.Reading late = reading("2026-06-24T10:00:00+08:00", "91");
    DispatchTarget.Reading justLate = reading("2025-12-31T16:30:00Z", "92");

    assertThat(attainment("2026-07-01", early, late)).hasValue(DispatchTarget.Attainment.MET_LATE);
    assertThat(attainment("2026-07-01", early, inTime, late))
        .hasValue(DispatchTarget.Attainment.MET);
    assertThat(attainment("2026-07-01", early)).hasValue(DispatchTarget.Attainment.NOT_MET);
    assertThat(attainment("2026-07-01", early, justLate))
        .hasValue(DispatchTarget.Attainment.MET_LATE);
    // the late figure not known yet on the day judged: the deadline passed without one meeting it
    assertThat(attainment("2026-03-01", early, late)).hasValue(DispatchTarget.Attainment.NOT_MET);
    // before the deadline
    assertThat(attainment("2025-07-01", early)).hasValue(DispatchTarget.Attainment.NOT_YET);
    assertThat(attainment("2025-12-31", early, inTime)).hasValue(DispatchTarget.Attainment.MET);
    assertThat(attainment("2026-07-01")).isEmpty();
    // the judgement names the figure that decided it
    assertThat(
            target("≥", "90")
                .withReadings(List.of(early, late))
                .judged(
                    LocalDate.of(2025, 12, 31),
                    LocalDate.of(2026, 7, 1),
                    ZoneId.of("Asia/Shanghai"))
                .orElseThrow()
                .on())
        .hasValue(LocalDate.of(2026, 6, 24));
  }
}
