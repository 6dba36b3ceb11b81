package org.qingshan.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseType;

/** The on-time rate, repeat offenders and breakdowns over cases made up here, at a fixed now. */
class CaseStatsTest {
  static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);

  static CaseFact fact(
      long id,
      CaseStatus status,
      OffsetDateTime created,
      OffsetDateTime deadline,
      Optional<OffsetDateTime> closed,
      Optional<Long> enterprise,
      Optional<String> member,
      Optional<Long> department) {
    return new CaseFact(
        id,
        "2026-" + id,
        "案件" + id,
        CaseType.WATER,
        status,
        created,
        closed,
        deadline,
        Optional.of("青山镇"),
        Optional.of("造纸"),
        enterprise,
        enterprise.map(e -> "企业" + e),
        member,
        member.map(m -> "网格员" + m),
        department,
        department.map(d -> "部门" + d),
        Optional.of(35.5),
        Optional.of(116.6));
  }

  @Test
  void onTimeRateCountsOnlyCasesThatHaveComeDue() {
    OffsetDateTime created = NOW.minusDays(20);
    OffsetDateTime due = NOW.minusDays(5);
    List<CaseFact> facts =
        List.of(
            // closed a day before the deadline: on time
            fact(
                1,
                CaseStatus.CLOSED,
                created,
                due,
                Optional.of(due.minusDays(1)),
                Optional.empty(),
                Optional.of("a"),
                Optional.empty()),
            // closed exactly at the deadline: still on time
            fact(
                2,
                CaseStatus.CLOSED,
                created,
                due,
                Optional.of(due),
                Optional.empty(),
                Optional.of("a"),
                Optional.empty()),
            // closed a minute late
            fact(
                3,
                CaseStatus.CLOSED,
                created,
                due,
                Optional.of(due.plusMinutes(1)),
                Optional.empty(),
                Optional.of("a"),
                Optional.empty()),
            // open past the deadline: due and not on time
            fact(
                4,
                CaseStatus.IN_PROGRESS,
                created,
                due,
                Optional.empty(),
                Optional.empty(),
                Optional.of("a"),
                Optional.empty()),
            // open, not yet due: not counted
            fact(
                5,
                CaseStatus.DISPATCHED,
                created,
                NOW.plusDays(3),
                Optional.empty(),
                Optional.empty(),
                Optional.of("a"),
                Optional.empty()),
            // refused: finished but never handled, not counted
            fact(
                6,
                CaseStatus.REJECTED,
                created,
                due,
                Optional.of(created.plusDays(1)),
                Optional.empty(),
                Optional.of("a"),
                Optional.empty()),
            // a department with nothing due yet has no rate
            fact(
                7,
                CaseStatus.DISPATCHED,
                created,
                NOW.plusDays(1),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(9L)));
    CaseStats stats = new CaseStats(facts, NOW);
    CaseStats.Rate a = stats.byMember().get(0);
    assertThat(a.key()).isEqualTo("a");
    assertThat(a.assigned()).isEqualTo(6);
    assertThat(a.closed()).isEqualTo(3);
    assertThat(a.onTime()).isEqualTo(2);
    assertThat(a.overdue()).isEqualTo(1);
    assertThat(a.due()).isEqualTo(4);
    assertThat(a.rate()).contains(0.5);
    assertThat(a.percent()).isEqualTo("50.0%");
    CaseStats.Rate department = stats.byDepartment().get(0);
    assertThat(department.name()).isEqualTo("部门9");
    assertThat(department.rate()).isEmpty();
    assertThat(department.percent()).isEqualTo("—");
    // the same cases a day before case 4's deadline: only the closed ones are due
    CaseStats earlier = new CaseStats(facts, due.minusDays(1));
    assertThat(earlier.byMember().get(0).due()).isEqualTo(3);
  }

  @Test
  void repeatOffendersHaveAtLeastTheThresholdOfCases() {
    OffsetDateTime t = NOW.minusDays(3);
    List<CaseFact> facts =
        List.of(
            fact(
                1,
                CaseStatus.CLOSED,
                t,
                NOW,
                Optional.of(t),
                Optional.of(1L),
                Optional.empty(),
                Optional.empty()),
            fact(
                2,
                CaseStatus.PENDING,
                t.plusHours(1),
                NOW,
                Optional.empty(),
                Optional.of(1L),
                Optional.empty(),
                Optional.empty()),
            fact(
                3,
                CaseStatus.PENDING,
                t.plusHours(2),
                NOW,
                Optional.empty(),
                Optional.of(1L),
                Optional.empty(),
                Optional.empty()),
            fact(
                4,
                CaseStatus.PENDING,
                t,
                NOW,
                Optional.empty(),
                Optional.of(2L),
                Optional.empty(),
                Optional.empty()),
            fact(
                5,
                CaseStatus.PENDING,
                t,
                NOW,
                Optional.empty(),
                Optional.of(2L),
                Optional.empty(),
                Optional.empty()),
            fact(
                6,
                CaseStatus.PENDING,
                t,
                NOW,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    CaseStats stats = new CaseStats(facts, NOW);
    assertThat(stats.repeatOffenders(3))
        .containsExactly(new CaseStats.Offender(1, "企业1", 3, 2, t.plusHours(2)));
    assertThat(stats.repeatOffenders(2))
        .extracting(CaseStats.Offender::enterpriseId)
        .containsExactly(1L, 2L);
    assertThat(stats.by(CaseFact::enterpriseName, "无"))
        .extracting(CaseStats.Count::label, CaseStats.Count::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("企业1", 3L),
            org.assertj.core.groups.Tuple.tuple("企业2", 2L),
            org.assertj.core.groups.Tuple.tuple("无", 1L));
    // one place, six cases: one point weighing six
    assertThat(stats.points()).singleElement().extracting(CaseStats.Point::weight).isEqualTo(6L);
  }

  @Test
  void monthsAreCountedInTheCountysZoneAndEveryMonthOfThePeriodShows() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    // 30 Nov 17:00 UTC is 1 Dec 01:00 in Beijing
    OffsetDateTime lateNovemberUtc = OffsetDateTime.of(2026, 11, 30, 17, 0, 0, 0, ZoneOffset.UTC);
    CaseStats stats =
        new CaseStats(
            List.of(
                fact(
                    1,
                    CaseStatus.PENDING,
                    lateNovemberUtc,
                    NOW,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())),
            NOW);
    assertThat(stats.byMonth(shanghai, YearMonth.of(2026, 10), YearMonth.of(2026, 12)))
        .extracting(CaseStats.Count::label, CaseStats.Count::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-10", 0L),
            org.assertj.core.groups.Tuple.tuple("2026-11", 0L),
            org.assertj.core.groups.Tuple.tuple("2026-12", 1L));
  }
}
