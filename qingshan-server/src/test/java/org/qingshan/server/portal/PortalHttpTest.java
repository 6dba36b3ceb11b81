package org.qingshan.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An enterprise user sees its own enterprise only, and explains its alarms with files. */
@DemoServerTest
class PortalHttpTest {
  static final String PASSWORD = "Portal-2026-qs";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DeviceRegistry registry;
  @Autowired UserService users;
  @Autowired EnterpriseRepository enterprises;

  TestAlarms fixtures;
  String username;
  String ownName;
  long ownDevice;
  long ownAlarm;
  long otherDevice;
  long otherAlarm;

  @BeforeEach
  void twoEnterprisesWithAnAlarmEach() {
    fixtures = new TestAlarms(jdbc);
    ownName = TestAlarms.unique("本企业");
    long own = fixtures.enterprise(ownName, "青山镇", "火力发电");
    long other = fixtures.enterprise(TestAlarms.unique("别家企业"), "青山镇", "水泥制造");
    ownDevice = fixtures.device(own, TestAlarms.unique("QSOWN"));
    otherDevice = fixtures.device(other, TestAlarms.unique("QSOTHER"));
    registry.reload();
    ownAlarm = fixtures.alarm(ownDevice, "MAJOR", "EXCEEDANCE", "本企业二氧化硫超标");
    otherAlarm = fixtures.alarm(otherDevice, "CRITICAL", "EXCEEDANCE", "别家烟尘超标");
    fixtures.hourData(ownDevice, 100);
    username = TestAlarms.unique("ent");
    long userId =
        users
            .create(
                new UserForm(
                    username, "企业环保员", null, "", EnumSet.of(Role.ENTERPRISE), true, PASSWORD),
                false)
            .id();
    enterprises.setEnterpriseOfUser(userId, own);
  }

  @Test
  void seesItsOutletsDataAndAlarmsOnly() {
    WebSession user = WebSession.loggedIn(port, username, PASSWORD);
    String home = user.get("/portal").body();
    assertThat(home).contains(ownName, "1号排口", "本企业二氧化硫超标").doesNotContain("别家烟尘超标");
    assertThat(user.get("/portal/alarms").body())
        .contains("本企业二氧化硫超标", "class=\"count\"")
        .doesNotContain("别家", "导出 Excel");
    HttpResponse<String> alarmPage = user.get("/portal/alarms/" + ownAlarm);
    assertThat(alarmPage.statusCode()).isEqualTo(200);
    assertThat(alarmPage.body()).contains("监测值", "时段");
    assertThat(user.get("/portal/devices/" + ownDevice + "?factor=a21026").statusCode())
        .isEqualTo(200);
    assertThat(
            new String(
                user.getBytes("/portal/alarms/" + ownAlarm + "/series.json").body(),
                StandardCharsets.UTF_8))
        .contains("106.0");
    assertThat(user.get("/").body()).contains("未关闭报警");
    assertThat(user.get("/duty").statusCode()).isEqualTo(403);
    assertThat(user.get("/duty/alarms/" + ownAlarm).statusCode()).isEqualTo(403);
  }

  @Test
  void anotherEnterprisesRecordsAreRefusedAndTheAttemptAudited() {
    WebSession user = WebSession.loggedIn(port, username, PASSWORD);
    HttpResponse<String> alarm = user.get("/portal/alarms/" + otherAlarm);
    assertThat(alarm.statusCode()).isEqualTo(403);
    assertThat(alarm.body()).doesNotContain("别家烟尘超标");
    assertThat(denials("alarm", otherAlarm)).isEqualTo(1);
    assertThat(user.getBytes("/portal/alarms/" + otherAlarm + "/series.json").statusCode())
        .isEqualTo(403);
    assertThat(user.get("/portal/devices/" + otherDevice).statusCode()).isEqualTo(403);
    assertThat(
            user.getBytes("/portal/devices/" + otherDevice + "/series.json?factor=a21026")
                .statusCode())
        .isEqualTo(403);
    assertThat(denials("device", otherDevice)).isEqualTo(2);

    user.get("/portal/alarms/" + ownAlarm);
    HttpResponse<String> explain =
        multipart(user, Map.of("alarmId", String.valueOf(otherAlarm), "text", "不是我们的"), null, null);
    assertThat(explain.statusCode()).isEqualTo(403);
    assertThat(explanations(otherAlarm)).isZero();
    assertThat(user.get("/portal/alarms/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void explainsAnAlarmWithAFileTheBureauReads() throws IOException {
    WebSession user = WebSession.loggedIn(port, username, PASSWORD);
    user.get("/portal/alarms/" + ownAlarm);
    byte[] pdf = "%PDF-1.4 检修记录".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> sent =
        multipart(
            user,
            Map.of("alarmId", String.valueOf(ownAlarm), "text", "除尘器滤袋破损，已更换"),
            "检修记录.pdf",
            pdf);
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(explanations(ownAlarm)).isEqualTo(1);
    assertThat(user.get("/portal/alarms/" + ownAlarm).body()).contains("除尘器滤袋破损", "检修记录.pdf");

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String page = dispatcher.get("/duty/alarms/" + ownAlarm).body();
    assertThat(page).contains("除尘器滤袋破损", "检修记录.pdf", username);
    long fileId =
        jdbc.sql(
                "SELECT f.id FROM alarm_explanation_file f JOIN alarm_explanation x"
                    + " ON x.id = f.explanation_id WHERE x.alarm_id = :a")
            .param("a", ownAlarm)
            .query(Long.class)
            .single();
    HttpResponse<byte[]> file = dispatcher.getBytes("/duty/files/" + fileId);
    assertThat(file.body()).isEqualTo(pdf);
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :u AND action = 'CREATE'"
                        + " AND entity_type = 'alarm_explanation'")
                .param("u", username)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aFileWhoseContentIsNotItsKindIsRefusedAndNothingStored() {
    WebSession user = WebSession.loggedIn(port, username, PASSWORD);
    user.get("/portal/alarms/" + ownAlarm);
    multipart(
        user,
        Map.of("alarmId", String.valueOf(ownAlarm), "text", "见附件"),
        "report.pdf",
        "MZ\u0090\u0000 a program".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(user.get("/portal/alarms/" + ownAlarm).body()).contains("内容与其扩展名不符");
    multipart(
        user,
        Map.of("alarmId", String.valueOf(ownAlarm), "text", "见附件"),
        "run.exe",
        "MZ".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(user.get("/portal/alarms/" + ownAlarm).body()).contains("不受理");
    assertThat(explanations(ownAlarm)).isZero();
  }

  @Test
  void anAccountLinkedToNoEnterpriseIsToldSo() {
    // an account of its own: other tests on the shared server link the demo "enterprise" user
    String unlinked = TestAlarms.unique("unlinked");
    users.create(
        new UserForm(unlinked, "未关联环保员", null, "", EnumSet.of(Role.ENTERPRISE), true, PASSWORD),
        false);
    WebSession demo = WebSession.loggedIn(port, unlinked, PASSWORD);
    HttpResponse<String> page = demo.get("/portal");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("尚未关联企业");
  }

  private long denials(String entity, long id) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE actor = :u AND action = 'ACCESS_DENIED'"
                + " AND entity_type = :e AND entity_id = :id")
        .param("u", username)
        .param("e", entity)
        .param("id", String.valueOf(id))
        .query(Long.class)
        .single();
  }

  private long explanations(long alarmId) {
    return jdbc.sql("SELECT COUNT(*) FROM alarm_explanation WHERE alarm_id = :a")
        .param("a", alarmId)
        .query(Long.class)
        .single();
  }

  /** The explanation form as a browser sends it: fields, an optional file, the CSRF token. */
  private HttpResponse<String> multipart(
      WebSession session, Map<String, String> fields, String fileName, byte[] content) {
    return MultipartForm.post(
        port, session, ExplanationController.PATH, fields, "files", fileName, content);
  }
}
