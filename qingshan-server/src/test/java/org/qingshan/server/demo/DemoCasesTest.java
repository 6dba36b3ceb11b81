package org.qingshan.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingshan.server.cases.CaseAction;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseRepository;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseStep;
import org.qingshan.server.cases.CaseWorkflow;
import org.qingshan.server.roster.RosterRepository;
import org.qingshan.server.support.DemoServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's month of cases: every state, some overdue and escalated, each case's steps following
 * the workflow in time order; this month's roster with hand-over notes; the campaign.
 */
@DemoServerTest
class DemoCasesTest {
  @Autowired JdbcClient jdbc;
  @Autowired CaseRepository cases;
  @Autowired RosterRepository roster;
  @Autowired ZoneId zone;

  List<CaseFile> demoCases() {
    List<String> titles = DemoCases.SPECS.stream().map(DemoCases.Spec::title).toList();
    return jdbc
        .sql("SELECT id FROM case_file WHERE title IN (:t) ORDER BY id")
        .param("t", titles)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> cases.findById(id).orElseThrow())
        .toList();
  }

  @Test
  void aMonthOfCasesInEveryStateWithConsistentSteps() {
    List<CaseFile> demo = demoCases();
    assertThat(demo).hasSize(DemoCases.SPECS.size());
    Set<CaseStatus> states = EnumSet.noneOf(CaseStatus.class);
    demo.forEach(c -> states.add(c.status()));
    assertThat(states).containsExactlyInAnyOrder(CaseStatus.values());
    OffsetDateTime now = OffsetDateTime.now();
    assertThat(demo).anyMatch(c -> c.overdueAt(now));
    assertThat(demo).anyMatch(c -> c.escalation() == 2);
    assertThat(demo).anyMatch(c -> c.closedOnTime().equals(Optional.of(false)));
    assertThat(demo).anyMatch(c -> c.closedOnTime().equals(Optional.of(true)));
    assertThat(demo).anyMatch(c -> c.assignee().map(a -> a.name()).equals(Optional.of("网格员 赵强")));
    assertThat(demo)
        .anyMatch(c -> c.assignee().map(a -> a.name()).equals(Optional.of("县住房和城乡建设局")));
    assertThat(demo.stream().map(CaseFile::createdAt).min(OffsetDateTime::compareTo).orElseThrow())
        .isBefore(now.minusDays(25));

    for (CaseFile c : demo) {
      List<CaseStep> steps = cases.steps(c.id());
      assertThat(steps.get(0).action()).isEqualTo(CaseAction.REGISTER);
      assertThat(steps.get(0).at()).isEqualTo(c.createdAt());
      CaseStatus status = CaseStatus.PENDING;
      OffsetDateTime at = c.createdAt();
      for (CaseStep s : steps.subList(1, steps.size())) {
        assertThat(s.from()).contains(status);
        assertThat(CaseWorkflow.next(status, s.action())).as(c.title()).contains(s.to());
        assertThat(s.at()).isAfterOrEqualTo(at).isBeforeOrEqualTo(now);
        status = s.to();
        at = s.at();
      }
      assertThat(c.status()).as(c.title()).isEqualTo(status);
      assertThat(c.version()).isEqualTo(steps.size() - 1);
      assertThat(c.updatedAt()).isEqualTo(at);
      assertThat(c.closedAt().isPresent()).isEqualTo(c.status().finished());
      assertThat(c.caseNo()).matches("\\d{4}-\\d{4}");
      if (c.escalation() > 0) {
        assertThat(steps).anyMatch(s -> s.action() == CaseAction.URGE && s.by().equals("system"));
      }
    }
  }

  @Test
  void thisMonthsRosterHandOverNotesAndACampaign() {
    LocalDate today = LocalDate.now(zone);
    YearMonth month = YearMonth.from(today);
    assertThat(roster.between(month.atDay(1), month.atEndOfMonth()))
        .extracting(e -> e.username())
        .contains("dispatcher", "admin");
    long notes =
        jdbc.sql("SELECT COUNT(*) FROM duty_handover WHERE written_by IN ('dispatcher', 'admin')")
            .query(Long.class)
            .single();
    if (today.getDayOfMonth() > 2) {
      assertThat(notes).isGreaterThan(0);
    }
    long inCampaign =
        jdbc.sql(
                "SELECT COUNT(*) FROM campaign_case x JOIN campaign g ON g.id = x.campaign_id"
                    + " WHERE g.name = '冬季扬尘与大气污染专项整治'")
            .query(Long.class)
            .single();
    assertThat(inCampaign).isGreaterThan(5);
  }
}
