package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingshan.server.demo.DemoGovernment;
import org.qingshan.server.grid.GridGeometry;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo plan's year of department reports as the demo writes it at first start: every department
 * the plan names reports, across the quarters of the past year, some of them late against the
 * quarterly schedule; tasks end 滞后 and 已完成; a few reports carry evidence files; every demo liaison
 * finds tasks of their own department.
 */
@DemoServerTest
class DemoPlanYearTest {
  private static final String PASSWORD = DemoGovernment.PASSWORD;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private record Row(long department, String name, OffsetDateTime at, String status) {}

  /** The demo plan (the first stored: a later test may have published a correction of it). */
  private long demoPlan() {
    return jdbc.sql("SELECT MIN(id) FROM dispatch_plan WHERE source_file = :f")
        .param("f", PlanDispatchDemo.FILE)
        .query(Long.class)
        .single();
  }

  private OffsetDateTime published(long plan) {
    return jdbc.sql("SELECT published_at FROM dispatch_plan WHERE id = :p")
        .param("p", plan)
        .query(OffsetDateTime.class)
        .single();
  }

  private List<Row> reports(long plan, OffsetDateTime until) {
    return jdbc.sql(
            "SELECT p.department_id, d.name, p.reported_at, p.status FROM dispatch_progress p"
                + " JOIN dispatch_task t ON t.id = p.task_id JOIN department d ON d.id ="
                + " p.department_id WHERE t.plan_id = :p AND p.reported_at <= :u"
                + " ORDER BY p.reported_at")
        .param("p", plan)
        .param("u", until)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, OffsetDateTime.class),
                    rs.getString(4)))
        .list();
  }

  private static LocalDate day(OffsetDateTime at) {
    return at.atZoneSameInstant(PlanDispatchService.ZONE).toLocalDate();
  }

  @Test
  void everyDepartmentOfThePlanReportsAcrossThePastYearAndSomeReportLate() {
    long plan = demoPlan();
    OffsetDateTime published = published(plan);
    OffsetDateTime now = OffsetDateTime.now();
    List<Row> rows = reports(plan, now);

    // the plan was published about a year ago and every report came after it
    assertThat(ChronoUnit.DAYS.between(published, now)).isBetween(355L, 365L + 95);
    assertThat(rows).allMatch(r -> !r.at().isBefore(published));
    // reports span the year: in at least four quarters, the first more than nine months ago
    Set<LocalDate> quarters = new TreeSet<>();
    rows.forEach(r -> quarters.add(PlanDispatchDemo.SCHEDULE.periodStart(day(r.at()))));
    assertThat(quarters.size()).isGreaterThanOrEqualTo(4);
    assertThat(ChronoUnit.DAYS.between(rows.get(0).at(), now)).isGreaterThan(270);

    // every department the plan's tasks name (lead or support) has reported at least once
    List<String> named =
        jdbc.sql(
                "SELECT DISTINCT d.name FROM dispatch_task_unit u JOIN dispatch_task t ON t.id ="
                    + " u.task_id JOIN department d ON d.id = u.department_id WHERE t.plan_id = :p")
            .param("p", plan)
            .query(String.class)
            .list();
    Set<String> reported = new HashSet<>();
    rows.forEach(r -> reported.add(r.name()));
    assertThat(named).hasSizeGreaterThanOrEqualTo(10);
    assertThat(reported).containsAll(named);

    // late: a quarter that ended after publication without the department's report in it,
    // followed by that department's report within a month after the due date
    Map<String, List<LocalDate>> byDepartment = new HashMap<>();
    rows.forEach(
        r -> byDepartment.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(day(r.at())));
    List<String> late = new ArrayList<>();
    List<String> onTime = new ArrayList<>();
    DispatchSchedule quarterly = PlanDispatchDemo.SCHEDULE;
    LocalDate today = day(now);
    byDepartment.forEach(
        (department, days) -> {
          for (LocalDate start = quarterly.periodStart(day(published));
              quarterly.nextDue(start).isBefore(today);
              start = start.plusMonths(3)) {
            LocalDate from = start;
            LocalDate due = quarterly.nextDue(start);
            boolean inTime = days.stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(due));
            boolean after =
                days.stream().anyMatch(d -> d.isAfter(due) && !d.isAfter(due.plusDays(30)));
            if (inTime) {
              onTime.add(department + " " + due);
            } else if (after) {
              late.add(department + " " + due);
            }
          }
        });
    assertThat(late).as("late reports").hasSizeGreaterThanOrEqualTo(3);
    assertThat(onTime.size()).as("reports on time").isGreaterThan(late.size() * 3);
    assertThat(late).anyMatch(l -> l.startsWith("县公安局 "));
  }

  @Test
  void tasksEndBehindDoneAndInProgressAndSomeReportsCarryEvidence() {
    long plan = demoPlan();
    Map<String, String> status = new HashMap<>();
    jdbc.sql("SELECT title, status FROM dispatch_task WHERE plan_id = :p AND kind = 'TASK'")
        .param("p", plan)
        .query((RowCallbackHandler) rs -> status.put(rs.getString(1), rs.getString(2)));
    // the last report of the lead department of each task sets its status
    assertThat(status)
        .containsEntry("推进建筑垃圾资源化利用", "BEHIND")
        .containsEntry("加强柴油货车污染治理", "BEHIND")
        .containsEntry("强化施工扬尘管控", "DONE")
        .containsEntry("推进道路机械化清扫", "DONE")
        .containsEntry("补齐城镇污水收集管网短板", "IN_PROGRESS");

    List<Long[]> files =
        jdbc.sql(
                "SELECT p.task_id, e.id FROM dispatch_evidence e JOIN dispatch_progress p ON p.id ="
                    + " e.progress_id JOIN dispatch_task t ON t.id = p.task_id WHERE t.plan_id = :p"
                    + " AND e.file_name = '施工工地扬尘管控台账.xlsx'")
            .param("p", plan)
            .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)})
            .list();
    assertThat(files).hasSize(1);
    long evidence =
        jdbc.sql(
                "SELECT COUNT(*) FROM dispatch_evidence e JOIN dispatch_progress p ON p.id ="
                    + " e.progress_id JOIN dispatch_task t ON t.id = p.task_id WHERE t.plan_id = :p")
            .param("p", plan)
            .query(Long.class)
            .single();
    assertThat(evidence).isGreaterThanOrEqualTo(5);
    // the ledger is a real spreadsheet the liaison downloads from the task's history
    HttpResponse<byte[]> ledger =
        WebSession.loggedIn(port, "liaison", PASSWORD)
            .getBytes("/dispatch/tasks/" + files.get(0)[0] + "/files/" + files.get(0)[1]);
    assertThat(ledger.statusCode()).isEqualTo(200);
    assertThat(ledger.body()).startsWith('P', 'K');
  }

  @Test
  void everyDemoLiaisonHasTasksOfTheirOwnDepartment() {
    Map<String, String> reporterOf = new HashMap<>();
    PlanDispatchDemo.REPORTERS.forEach((department, user) -> reporterOf.put(user, department));
    List<DemoGovernment.Login> liaisons =
        Stream.concat(DemoGovernment.LOGINS.stream(), DemoGovernment.PLAN_LIAISONS.stream())
            .filter(l -> l.role() == Role.LIAISON)
            .toList();
    assertThat(liaisons).hasSizeGreaterThanOrEqualTo(10);
    for (DemoGovernment.Login l : liaisons) {
      // a task this liaison's department reported on in the demo year
      String task =
          PlanDispatchDemo.ENTRIES.stream()
              .filter(e -> e.department().equals(l.department()))
              .map(PlanDispatchDemo.Entry::task)
              .filter(t -> !t.startsWith("每季度"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no demo report of " + l.department()));
      assertThat(reporterOf.get(l.username())).isEqualTo(l.department());
      String mine =
          WebSession.loggedIn(port, l.username(), PASSWORD)
              .get("/dispatch/my-tasks?q=" + URLEncoder.encode(task, StandardCharsets.UTF_8))
              .body();
      assertThat(mine).as(l.username()).contains(task);
    }
  }

  @Test
  void departmentsThatStoppedReportingAreOfferedForUrgingOnTheDashboard() {
    long plan =
        jdbc.sql(
                "SELECT MIN(id) FROM dispatch_plan WHERE source_file = :f AND status = 'PUBLISHED'")
            .param("f", PlanDispatchDemo.FILE)
            .query(Long.class)
            .single();
    String page =
        WebSession.loggedIn(port, "planner", PASSWORD).get("/plan-dashboard?plan=" + plan).body();
    int from = page.indexOf("id=\"urge-list\"");
    assertThat(from).isPositive();
    String urge = page.substring(from, page.indexOf("</div>", from));
    // 县交通运输局 last reported half a year ago; 住建局 reports every quarter
    assertThat(urge).contains("催办 县交通运输局").doesNotContain("催办 县住房和城乡建设局");
  }

  @Test
  void theYearIsLaidOutFromTheQuarterAYearAgo() {
    LocalDate first = LocalDate.of(2025, 10, 1);
    List<PlanDispatchDemo.Report> year = PlanDispatchDemo.year(first);
    assertThat(year).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    // the police's second quarter (2026-01-01 … 03-31) was reported 11 days late
    assertThat(year)
        .filteredOn(r -> r.department().equals("县公安局"))
        .extracting(r -> day(r.at()))
        .contains(LocalDate.of(2026, 4, 11))
        .allMatch(d -> d.isAfter(first) && d.isBefore(LocalDate.of(2027, 1, 1)));
    // the current quarter's reports come early in it
    assertThat(year)
        .filteredOn(r -> day(r.at()).isAfter(LocalDate.of(2026, 9, 30)))
        .extracting(r -> day(r.at()))
        .allMatch(d -> d.isBefore(LocalDate.of(2026, 11, 15)));
  }

  @Test
  void theKeyProjectsLieInsideTheDemoCounty() throws IOException {
    JsonNode outline;
    try (InputStream in = getClass().getResourceAsStream("/geo/demo-county.geojson")) {
      outline = new ObjectMapper().readTree(in);
    }
    JsonNode county = null;
    for (JsonNode f : outline.get("features")) {
      if (f.path("properties").path("name").asText().equals("示范县")) {
        county = f.get("geometry");
      }
    }
    assertThat(county).as("the county's outline").isNotNull();
    GridGeometry area = GridGeometry.parse(county.toString());
    List<double[]> places =
        jdbc.sql(
                "SELECT longitude, latitude FROM dispatch_project WHERE plan_id = :p AND"
                    + " latitude IS NOT NULL")
            .param("p", demoPlan())
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .list();
    assertThat(places).hasSize(3);
    assertThat(places).allMatch(p -> area.contains(p[0], p[1]), "inside the county");
  }
}
