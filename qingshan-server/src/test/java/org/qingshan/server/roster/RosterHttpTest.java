package org.qingshan.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.Sheets;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The roster over HTTP: editing a shift and exporting the month, who is on duty on the duty screen,
 * the hand-over between shifts, the day's duty log, and who may not edit.
 */
@DemoServerTest
class RosterHttpTest {
  static final String PASSWORD = "Roster-2026-qs";
  @LocalServerPort int port;
  @Autowired UserService users;
  @Autowired RosterService roster;
  @Autowired RosterShifts shifts;
  @Autowired CaseService cases;
  @Autowired UserDetailsService userDetails;
  @Autowired JdbcClient jdbc;
  @Autowired DeviceRegistry registry;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  /** A new dispatcher with a unique name; returns the login. */
  String dispatcher(String displayName) {
    String username = TestAlarms.unique("duty");
    users.create(
        new UserForm(username, displayName, null, "", EnumSet.of(Role.DISPATCHER), true, PASSWORD),
        false);
    return username;
  }

  static Map<String, String> cell(ShiftSlot slot, String username) {
    return Map.of("date", slot.date().toString(), "shift", slot.shift(), "users", username);
  }

  @Test
  void theDispatcherPutsSomeoneOnTheShiftNowAndTheDutyScreenShowsThem() {
    String name = TestAlarms.unique("值班员甲");
    String username = dispatcher(name);
    ShiftSlot now = shifts.at(roster.now()).orElseThrow();
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    HttpResponse<String> saved = dispatcher.post("/roster/assign", cell(now, username));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(saved)).contains("/roster?month=" + YearMonth.from(now.date()));

    String month = dispatcher.get("/roster?month=" + YearMonth.from(now.date())).body();
    assertThat(month).contains("值班安排已保存", name, "roster-edit");

    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String screen = leader.get("/duty").body();
    assertThat(screen).contains("roster-on-duty", "当前值班", name, now.label());

    byte[] xlsx = dispatcher.getBytes("/roster/export?month=" + YearMonth.from(now.date())).body();
    String sheet = Sheets.text(xlsx);
    assertThat(sheet).contains("白班", "夜班", now.date().toString(), name);
  }

  @Test
  void onlyTheBureauEditsTheRoster() {
    String username = dispatcher(TestAlarms.unique("值班员乙"));
    LocalDate day = roster.today().plusDays(3);
    WebSession grid = WebSession.loggedIn(port, "grid", "qingshan2026");
    assertThat(grid.get("/roster").statusCode()).isEqualTo(200);
    assertThat(grid.get("/roster").body()).doesNotContain("roster-edit\"", "name=\"users\"");
    assertThat(
            grid.post(
                    "/roster/assign",
                    Map.of("date", day.toString(), "shift", "day", "users", username))
                .statusCode())
        .isEqualTo(403);
    assertThat(roster.of(shifts.slot(day, "day"))).noneMatch(e -> e.username().equals(username));
    assertThat(grid.get("/roster/log").statusCode()).isEqualTo(403);

    // an unknown user is refused with a message, the shift unchanged
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    HttpResponse<String> refused =
        dispatcher.post(
            "/roster/assign",
            Map.of("date", day.toString(), "shift", "day", "users", "nobody-xyz"));
    String back = WebSession.location(refused);
    assertThat(dispatcher.get(back.substring(back.indexOf("/roster"))).body())
        .contains("用户 nobody-xyz 不存在或已停用");
  }

  @Test
  void theOutgoingShiftHandsOverAndTheIncomingAcknowledges() {
    String outgoingName = TestAlarms.unique("交班人");
    String outgoing = dispatcher(outgoingName);
    String incomingName = TestAlarms.unique("接班人");
    String incoming = dispatcher(incomingName);
    String bystander = dispatcher(TestAlarms.unique("旁人"));
    ShiftSlot now = shifts.at(roster.now()).orElseThrow();
    ShiftSlot before = shifts.previous(now);
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    dispatcher.post("/roster/assign", cell(before, outgoing));
    dispatcher.post("/roster/assign", cell(now, incoming));

    String text = TestAlarms.unique("青山热电2号炉脱硫报警待复核，请跟进");
    WebSession out = WebSession.loggedIn(port, outgoing, PASSWORD);
    // the outgoing person may not write for a shift they did not stand
    out.post(
        "/roster/handover",
        Map.of("date", now.date().toString(), "shift", now.shift(), "text", "不是我的班"));
    assertThat(out.get("/roster/handover").body()).contains("的值班人员才能填写该班次的交班记录");
    HttpResponse<String> written =
        out.post(
            "/roster/handover",
            Map.of("date", before.date().toString(), "shift", before.shift(), "text", text));
    assertThat(written.statusCode()).isEqualTo(302);
    long id =
        roster.handedTo(now).stream()
            .filter(n -> n.text().equals(text))
            .findFirst()
            .orElseThrow()
            .id();

    // someone not on the next shift cannot take it over
    WebSession other = WebSession.loggedIn(port, bystander, PASSWORD);
    other.post("/roster/handover/" + id + "/acknowledge", Map.of());
    assertThat(other.get("/roster/handover").body()).contains("的值班人员才能确认接班");
    // a leader reads the notes but sends nothing
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    assertThat(leader.get("/roster/handover?q=" + encode(text)).body()).contains(text);
    assertThat(leader.post("/roster/handover/" + id + "/acknowledge", Map.of()).statusCode())
        .isEqualTo(403);

    WebSession in = WebSession.loggedIn(port, incoming, PASSWORD);
    String screen = in.get("/duty").body();
    assertThat(screen).contains(text, outgoingName, "/roster/handover/" + id + "/acknowledge");
    HttpResponse<String> taken =
        in.post("/roster/handover/" + id + "/acknowledge?back=duty", Map.of());
    assertThat(WebSession.location(taken)).endsWith("/duty");
    assertThat(in.get("/duty").body()).contains("已确认接班", "已由 " + incoming + " 确认接班");
    assertThat(roster.handedTo(now))
        .filteredOn(n -> n.id() == id)
        .allMatch(n -> n.acknowledgedBy().equals(Optional.of(incoming)));

    byte[] xlsx = in.getBytes("/roster/handover/export?q=" + encode(text)).body();
    assertThat(Sheets.text(xlsx)).contains(text, outgoingName, incoming);
  }

  @Test
  void theDutyLogOfADayListsItsAlarmsCasesAndNotes() {
    TestAlarms fixtures = new TestAlarms(jdbc);
    String town = TestAlarms.unique("日志镇");
    long enterprise = fixtures.enterprise(TestAlarms.unique("日志化工"), town, "化学原料制造");
    long device = fixtures.device(enterprise, TestAlarms.unique("QSLOG"));
    registry.reload();
    String alarmText = TestAlarms.unique("日志报警二氧化硫超标");
    long alarm = fixtures.alarm(device, "MAJOR", "EXCEEDANCE", alarmText);

    UserDetails user = userDetails.loadUserByUsername("dispatcher");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    String title = TestAlarms.unique("日志案件河道排污");
    CaseFile opened =
        cases.open(NewCase.of(title, CaseType.WATER, CaseSource.INSPECTION, Severity.MINOR, "巡查"));
    String rejectedTitle = TestAlarms.unique("日志案件不予受理");
    CaseFile refused =
        cases.open(
            NewCase.of(rejectedTitle, CaseType.NOISE, CaseSource.INSPECTION, Severity.MINOR, "无"));
    cases.reject(refused.id(), org.qingshan.server.cases.StepInput.text("不属于环保职责"));
    SecurityContextHolder.clearContext();

    LocalDate today = roster.today();
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String log = leader.get("/roster/log?date=" + today).body();
    assertThat(log)
        .contains(
            today + " 值班日志",
            alarmText,
            "/duty/alarms/" + alarm,
            opened.caseNo(),
            title,
            rejectedTitle,
            "不属于环保职责",
            "duty-log-print",
            "duty-log-print.css");
    String yesterday = leader.get("/roster/log?date=" + today.minusDays(1)).body();
    assertThat(yesterday).doesNotContain(title, alarmText);

    String sheet = Sheets.text(leader.getBytes("/roster/log/export?date=" + today).body());
    assertThat(sheet).contains("当日登记的案件", title, "当日产生的报警", alarmText, "当日办结的案件");
  }

  static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
