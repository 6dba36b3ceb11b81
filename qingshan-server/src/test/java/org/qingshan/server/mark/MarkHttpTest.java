package org.qingshan.server.mark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.PollutionSources.Source;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 数据标记 over HTTP: filing by an enterprise and the bureau, review, evidence, refusals. */
@DemoServerTest
class MarkHttpTest {
  private static final LocalDateTime START = LocalDateTime.of(2026, 11, 3, 8, 0);
  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry devices;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired MarksInForce inForce;
  PollutionSources sources;
  Source a;
  Source b;

  @BeforeEach
  void sources() {
    sources = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    a = sources.create("标记热电", OutletKind.GAS);
    b = sources.create("标记化工", OutletKind.GAS);
  }

  @Test
  void anEnterpriseFilesAMarkThatIsInForceUntilTheBureauRejectsIt() {
    sources.hour(a.deviceId(), "a21026", START.plusHours(1), 520.5, "N");
    WebSession enterprise = login(a);
    assertThat(enterprise.get("/marks/new").body()).contains("申报标记");

    long id = file(enterprise, form(a.outletId(), a.deviceId(), "a21026", "STOPPED"));
    DataMark filed = mark(id);
    assertThat(filed.enterpriseId()).isEqualTo(a.enterpriseId());
    assertThat(filed.filedByEnterprise()).isTrue();
    assertThat(filed.status()).isEqualTo(MarkStatus.FILED);
    assertThat(audits("CREATE", id)).isEqualTo(1);
    assertThat(inForce.covers(a.outletId(), a.deviceId(), "a21026", START.plusHours(1))).isTrue();
    assertThat(inForce.covers(a.deviceId(), "a21026", START)).isTrue();
    assertThat(inForce.covers(a.deviceId(), "a21026", START.plusHours(4))).isFalse();
    assertThat(inForce.covers(a.deviceId(), "a21002", START.plusHours(1))).isFalse();

    // the enterprise cannot judge its own mark
    assertThat(enterprise.post("/marks/" + id + "/accept", Map.of()).statusCode()).isEqualTo(403);

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String page = dispatcher.get("/marks/" + id).body();
    assertThat(page).contains("驳回", "认可", "停运");
    HttpResponse<String> noNote = dispatcher.post("/marks/" + id + "/reject", Map.of("note", " "));
    assertThat(noNote.statusCode()).isEqualTo(400);
    assertThat(noNote.body()).contains("驳回须填写审核意见");
    assertThat(mark(id).status()).isEqualTo(MarkStatus.FILED);

    HttpResponse<String> rejected =
        dispatcher.post("/marks/" + id + "/reject", Map.of("note", "无停运报告"));
    assertThat(rejected.statusCode()).isEqualTo(302);
    DataMark after = mark(id);
    assertThat(after.status()).isEqualTo(MarkStatus.REJECTED);
    assertThat(after.reviewedBy()).contains("dispatcher");
    assertThat(after.reviewNote()).contains("无停运报告");
    assertThat(audits("UPDATE", id)).isEqualTo(1);
    assertThat(inForce.covers(a.deviceId(), "a21026", START.plusHours(1))).isFalse();
    // raw values are as received
    assertThat(
            jdbc.sql(
                    "SELECT val || ':' || flag FROM observation WHERE device_id = :d AND kind ="
                        + " 'HOUR' AND factor = 'a21026'")
                .param("d", a.deviceId())
                .query(String.class)
                .single())
        .isEqualTo("520.5:N");
    // a second review is refused
    assertThat(dispatcher.post("/marks/" + id + "/accept", Map.of()).statusCode()).isEqualTo(400);
  }

  @Test
  void theBureauAcceptsAndItsOwnMarksNeedNoReview() {
    long id = file(login(a), form(a.outletId(), null, "", "MAINTENANCE"));
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.post("/marks/" + id + "/accept", Map.of("note", "附件齐全")).statusCode())
        .isEqualTo(302);
    assertThat(mark(id).status()).isEqualTo(MarkStatus.ACCEPTED);
    // a whole-outlet mark covers every factor of the outlet's devices
    assertThat(inForce.covers(a.deviceId(), "a34013", START.plusHours(2))).isTrue();

    long own = file(admin, form(b.outletId(), b.deviceId(), "", "CALIBRATION"));
    DataMark bureau = mark(own);
    assertThat(bureau.filedByEnterprise()).isFalse();
    assertThat(bureau.awaitsReview()).isFalse();
    assertThat(admin.get("/marks/" + own).body()).doesNotContain("name=\"note\"");
  }

  @Test
  void anotherEnterprisesMarkOrOutletIsRefusedAndAudited() {
    long theirs = file(login(b), form(b.outletId(), null, "", "FAULT"));
    WebSession enterprise = login(a);
    long before = denials(a.username(), "mark", theirs);
    assertThat(enterprise.get("/marks/" + theirs).statusCode()).isEqualTo(403);
    assertThat(denials(a.username(), "mark", theirs)).isEqualTo(before + 1);

    assertThat(enterprise.get("/marks").body()).doesNotContain("/marks/" + theirs + "\"");
    assertThat(enterprise.get("/marks?enterprise=" + b.enterpriseId()).body())
        .doesNotContain("/marks/" + theirs + "\"");

    long outletBefore = denials(a.username(), "outlet", b.outletId());
    HttpResponse<String> filing =
        enterprise.post("/marks", form(b.outletId(), null, "", "STOPPED"));
    assertThat(filing.statusCode()).isEqualTo(403);
    assertThat(denials(a.username(), "outlet", b.outletId())).isEqualTo(outletBefore + 1);
    assertThat(count(b.enterpriseId())).isEqualTo(1);
  }

  @Test
  void badFilingsAreExplainedAndStoreNothing() {
    WebSession enterprise = login(a);
    Map<String, String> backwards = form(a.outletId(), null, "", "STOPPED");
    backwards.put("endsAt", START.minusHours(1).toString());
    assertThat(enterprise.post("/marks", backwards).body()).contains("结束时间须晚于开始时间");

    Map<String, String> noReason = form(a.outletId(), null, "", "STOPPED");
    noReason.put("reason", " ");
    assertThat(enterprise.post("/marks", noReason).body()).contains("请填写原因");

    assertThat(enterprise.post("/marks", form(a.outletId(), b.deviceId(), "", "STOPPED")).body())
        .contains("所选设备不属于该排放口");
    assertThat(enterprise.post("/marks", form(a.outletId(), null, "a21026", "STOPPED")).body())
        .contains("标记单个因子时须选择设备");
    assertThat(count(a.enterpriseId())).isZero();
  }

  @Test
  void evidenceIsCheckedStoredAndOnlyForWhoMaySeeTheMark() {
    WebSession enterprise = login(a);
    long id = file(enterprise, form(a.outletId(), null, "", "OVERHAUL"));
    byte[] pdf = "%PDF-1.4 停运报告".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> up =
        enterprise.upload("/marks/evidence?mark=" + id, "file", "停运报告.pdf", pdf);
    assertThat(up.statusCode()).isEqualTo(302);
    long evidence =
        jdbc.sql("SELECT id FROM data_mark_evidence WHERE mark_id = :m")
            .param("m", id)
            .query(Long.class)
            .single();
    assertThat(enterprise.get("/marks/" + id).body()).contains("停运报告.pdf");

    HttpResponse<byte[]> down = enterprise.getBytes("/marks/evidence/" + evidence);
    assertThat(down.statusCode()).isEqualTo(200);
    assertThat(down.body()).isEqualTo(pdf);
    assertThat(down.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");

    HttpResponse<String> script =
        enterprise.upload(
            "/marks/evidence?mark=" + id,
            "file",
            "report.pdf",
            "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertThat(script.statusCode()).isEqualTo(400);
    assertThat(script.body()).contains("文件内容与扩展名 .pdf 不符");
    HttpResponse<String> page =
        enterprise.upload(
            "/marks/evidence?mark=" + id,
            "file",
            "x.html",
            "<html>".getBytes(StandardCharsets.UTF_8));
    assertThat(page.body()).contains("只接受以下类型的文件");

    WebSession other = login(b);
    long before = denials(b.username(), "mark-evidence", evidence);
    assertThat(other.getBytes("/marks/evidence/" + evidence).statusCode()).isEqualTo(403);
    assertThat(denials(b.username(), "mark-evidence", evidence)).isEqualTo(before + 1);
    assertThat(other.upload("/marks/evidence?mark=" + id, "file", "y.pdf", pdf).statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM data_mark_evidence WHERE mark_id = :m")
                .param("m", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // the liaison (no marks role) has no upload page at all
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.upload("/marks/evidence?mark=" + id, "file", "z.pdf", pdf).statusCode())
        .isEqualTo(403);
  }

  @Test
  void theListSearchesAndExports() {
    file(login(a), form(a.outletId(), a.deviceId(), "a21002", "CALIBRATION"));
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String list =
        dispatcher
            .get("/marks?enterprise=" + a.enterpriseId() + "&kind=CALIBRATION&status=FILED")
            .body();
    assertThat(list).contains("校准", "a21002", "已申报");
    assertThat(dispatcher.get("/marks?enterprise=" + a.enterpriseId() + "&kind=FAULT").body())
        .doesNotContain("a21002");
    assertThat(
            dispatcher
                .get("/marks?enterprise=" + a.enterpriseId() + "&from=2026-11-04T00:00")
                .body())
        .doesNotContain("a21002");
    HttpResponse<byte[]> xlsx = dispatcher.getBytes("/marks/export?enterprise=" + a.enterpriseId());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
  }

  @Test
  void theDevicePageShowsTheMarksInForce() {
    Map<String, String> recent = form(a.outletId(), a.deviceId(), "a21026", "STOPPED");
    recent.put("startsAt", LocalDateTime.now().minusDays(1).withNano(0).toString());
    recent.put("endsAt", LocalDateTime.now().plusDays(1).withNano(0).toString());
    file(login(a), recent);
    String page =
        WebSession.loggedIn(port, "admin", "qingshan2026").get("/devices/" + a.deviceId()).body();
    assertThat(page).contains("在用的数据标记", "停运", "有效传输率（含标记）", "按人工标记判定");
  }

  private WebSession login(Source s) {
    return WebSession.loggedIn(port, s.username(), PollutionSources.PASSWORD);
  }

  private Map<String, String> form(long outlet, Long device, String factor, String kind) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("outletId", Long.toString(outlet));
    f.put("deviceId", device == null ? "" : device.toString());
    f.put("factor", factor);
    f.put("kind", kind);
    f.put("startsAt", START.toString());
    f.put("endsAt", START.plusHours(3).toString());
    f.put("reason", "脱硫塔检修");
    return f;
  }

  private long file(WebSession session, Map<String, String> form) {
    HttpResponse<String> r = session.post("/marks", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    String location = WebSession.location(r);
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private DataMark mark(long id) {
    return jdbc.sql("SELECT " + MarkRepository.COLUMNS + " FROM data_mark m WHERE m.id = :id")
        .param("id", id)
        .query(MarkRepository::map)
        .single();
  }

  private long count(long enterprise) {
    return jdbc.sql("SELECT COUNT(*) FROM data_mark WHERE enterprise_id = :e")
        .param("e", enterprise)
        .query(Long.class)
        .single();
  }

  private long audits(String action, long id) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'mark' AND action = :a"
                + " AND entity_id = :id")
        .param("a", action)
        .param("id", Long.toString(id))
        .query(Long.class)
        .single();
  }

  private long denials(String actor, String entity, long id) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'ACCESS_DENIED'"
                + " AND entity_type = :e AND entity_id = :id")
        .param("a", actor)
        .param("e", entity)
        .param("id", Long.toString(id))
        .query(Long.class)
        .single();
  }
}
