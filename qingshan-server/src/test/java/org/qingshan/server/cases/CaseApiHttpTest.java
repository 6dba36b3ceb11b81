package org.qingshan.server.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.AlarmChanged;
import org.qingshan.server.alarm.AlarmRuleRepository;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.apitoken.ApiTokens;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.MultipartForm.Part;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The case loop through the JSON API as programs and the handler's phone use it: an alarm becomes a
 * case, is dispatched to a grid member, accepted, handled with a photo, verified and closed, and
 * its alarm closes; another grid member is refused and audited; bad photos are refused with nothing
 * stored; the escalation clock at explicit times; a rule's 自动生成案件.
 */
@DemoServerTest
class CaseApiHttpTest {
  private static final String PASSWORD = "qingshan2026";

  @LocalServerPort int port;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;
  @Autowired ApiTokens tokens;
  @Autowired UserDetailsService userDetails;
  @Autowired CaseEscalation escalation;
  @Autowired CaseService caseService;
  @Autowired AlarmRuleRepository rules;
  @Autowired ApplicationEventPublisher events;
  @Autowired CaseSettings settings;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  private String gridMember() {
    String name = TestAlarms.unique("gm");
    users.insert(
        name,
        "网格员" + name,
        encoder.encode(PASSWORD),
        Optional.empty(),
        Optional.empty(),
        false,
        Set.of(Role.GRID_MEMBER));
    return name;
  }

  /** A personal API token of the user, issued by the admin. */
  private JsonApi bearer(String username) {
    return JsonApi.bearer(port, token(username));
  }

  private String token(String username) {
    UserDetails admin = userDetails.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
    try {
      return tokens.issue(username, "手机").secret();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private JsonApi dispatcher() {
    return JsonApi.withSession(port, WebSession.loggedIn(port, "dispatcher", PASSWORD));
  }

  private long alarm(String message) {
    TestAlarms t = new TestAlarms(jdbc);
    long e = t.enterprise(TestAlarms.unique("案件热电"), "青山镇", "火电");
    long d = t.device(e, TestAlarms.unique("CASEMN"));
    return t.alarm(d, "CRITICAL", "EXCEEDANCE", message);
  }

  private HttpResponse<String> multipart(
      String token, String path, Map<String, String> fields, List<Part> files) {
    return MultipartForm.bearer(port, token, path, fields, files);
  }

  private static JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JsonApi.read(r);
  }

  private static String message(HttpResponse<String> r) {
    return JsonApi.read(r).path("errors").path(0).path("message").asText();
  }

  private long notices(String username, String like) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = :u AND text LIKE :t")
        .param("u", username)
        .param("t", "%" + like + "%")
        .query(Long.class)
        .single();
  }

  private static List<String> actions(JsonNode detail) {
    List<String> a = new ArrayList<>();
    detail.get("steps").forEach(s -> a.add(s.get("action").asText()));
    return a;
  }

  @Test
  void anAlarmBecomesACaseIsHandledWithAPhotoVerifiedAndClosesItsAlarm() {
    long alarmId = alarm("二氧化硫小时均值超标");
    JsonApi dispatcher = dispatcher();
    String gm = gridMember();
    JsonApi member = bearer(gm);

    HttpResponse<String> created = dispatcher.post("/api/v1/cases", Map.of("alarmId", alarmId));
    long id = JsonApi.id(created);
    assertThat(JsonApi.read(created).get("status").asText()).isEqualTo("pending");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/cases/" + id);
    HttpResponse<String> second = dispatcher.post("/api/v1/cases", Map.of("alarmId", alarmId));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(message(second)).contains("已有办理中的案件");

    JsonNode c = ok(dispatcher.get("/api/v1/cases/" + id));
    assertThat(c.get("source").asText()).isEqualTo("alarm");
    assertThat(c.get("type").asText()).isEqualTo("online-monitoring");
    assertThat(c.get("severity").asText()).isEqualTo("critical");
    assertThat(c.get("title").asText()).contains("案件热电").contains("二氧化硫小时均值超标");
    assertThat(c.get("enterpriseId").isNumber()).isTrue();
    assertThat(c.get("alarmId").asLong()).isEqualTo(alarmId);

    assertThat(
            ok(dispatcher.post("/api/v1/cases/" + id + "/accept", Map.of())).get("status").asText())
        .isEqualTo("accepted");
    JsonNode dispatched =
        ok(
            dispatcher.post(
                "/api/v1/cases/" + id + "/dispatch", Map.of("assignee", gm, "text", "请现场核实")));
    assertThat(dispatched.get("status").asText()).isEqualTo("dispatched");
    assertThat(dispatched.get("assignee").get("username").asText()).isEqualTo(gm);
    assertThat(notices(gm, "已转办给您")).isEqualTo(1);

    // the assignee's accept is 签收
    assertThat(ok(member.post("/api/v1/cases/" + id + "/accept", Map.of())).get("status").asText())
        .isEqualTo("in-progress");

    // someone else's case: refused and audited, read or acted on
    String other = gridMember();
    JsonApi stranger = bearer(other);
    HttpResponse<String> read = stranger.get("/api/v1/cases/" + id);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
    assertThat(message(read)).contains("无权");
    HttpResponse<String> foreignHandle =
        multipart(
            token(other), "/api/v1/cases/" + id + "/handle", Map.of("text", "我来办"), List.of());
    assertThat(foreignHandle.statusCode()).as(foreignHandle.body()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE actor = :a AND action = 'ACCESS_DENIED'"
                        + " AND entity_type = 'case' AND entity_id = :id")
                .param("a", other)
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(stranger.get("/api/v1/cases/999999999").statusCode()).isEqualTo(404);

    byte[] png = TestPhotos.png(80, 60, "EXIF owner 13800000000");
    JsonNode handled =
        ok(
            multipart(
                token(gm),
                "/api/v1/cases/" + id + "/handle",
                Map.of("text", "已督促企业整改，排放恢复正常", "lat", "35.41", "lng", "116.59"),
                List.of(new Part("photo", "scene.png", png))));
    assertThat(handled.get("status").asText()).isEqualTo("awaiting-verification");
    JsonNode handleStep = handled.get("steps").get(handled.get("steps").size() - 1);
    assertThat(handleStep.get("action").asText()).isEqualTo("handle");
    assertThat(handleStep.get("by").asText()).isEqualTo(gm);
    assertThat(handleStep.get("lat").asDouble()).isEqualTo(35.41);
    assertThat(handleStep.get("attachments")).hasSize(1);
    String photoUrl = handleStep.get("attachments").get(0).asText();
    HttpResponse<String> photo = member.get(photoUrl);
    assertThat(photo.statusCode()).isEqualTo(200);
    assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(photo.body()).doesNotContain("13800000000");
    assertThat(stranger.get(photoUrl).statusCode()).isEqualTo(403);
    assertThat(notices("dispatcher", "已办理反馈")).isPositive();

    JsonNode closed =
        ok(
            dispatcher.post(
                "/api/v1/cases/" + id + "/verify", Map.of("passed", true, "text", "经核查已整改到位")));
    assertThat(closed.get("status").asText()).isEqualTo("closed");
    assertThat(closed.get("answer").asText()).isEqualTo("经核查已整改到位");
    assertThat(actions(closed))
        .containsExactly("register", "accept", "dispatch", "take", "handle", "verify");
    assertThat(new TestAlarms(jdbc).status(alarmId)).isEqualTo("CLOSED");
    assertThat(
            jdbc.sql("SELECT close_note FROM alarm WHERE id = :id")
                .param("id", alarmId)
                .query(String.class)
                .single())
        .contains(closed.get("caseNo").asText())
        .contains("经核查已整改到位");

    JsonNode list =
        ok(
            dispatcher.get(
                "/api/v1/cases?source=alarm&status=closed&q=" + closed.get("caseNo").asText()));
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(id);
    assertThat(list.get("total").asLong()).isEqualTo(1);
    // the member sees the case handed to them; the stranger does not
    assertThat(ok(member.get("/api/v1/cases?status=closed")).get("total").asLong()).isEqualTo(1);
    assertThat(ok(stranger.get("/api/v1/cases")).get("total").asLong()).isZero();
    HttpResponse<String> badStatus = dispatcher.get("/api/v1/cases?status=done");
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(badStatus, "status"))
        .hasValueSatisfying(m -> assertThat(m).contains("done"));
  }

  /** A case by hand, dispatched to the member and taken: in progress. */
  private long caseInProgress(JsonApi dispatcher, String gm, Map<String, Object> dispatch) {
    long id =
        JsonApi.id(
            dispatcher.post(
                "/api/v1/cases",
                Map.of("title", "河道排污口排放黑水", "type", "water", "description", "白河桥下游 200 米")));
    Map<String, Object> body = new HashMap<>(dispatch);
    body.put("assignee", gm);
    ok(dispatcher.post("/api/v1/cases/" + id + "/dispatch", body));
    ok(bearer(gm).post("/api/v1/cases/" + id + "/accept", Map.of()));
    return id;
  }

  private long photos(long caseId) {
    return jdbc.sql("SELECT COUNT(*) FROM case_photo WHERE case_id = :c")
        .param("c", caseId)
        .query(Long.class)
        .single();
  }

  @Test
  void aFiftyMegabytePhotoAndAFileThatIsNoImageAreRefusedWithNothingStored() throws Exception {
    JsonApi dispatcher = dispatcher();
    String gm = gridMember();
    long id = caseInProgress(dispatcher, gm, Map.of());
    String token = token(gm);
    String path = "/api/v1/cases/" + id + "/handle";

    // 50 MB: refused from its headers, before the body is read, with the limit in the message
    String refused = rawUpload(token, path, 50L * 1024 * 1024);
    assertThat(refused).startsWith("HTTP/1.1 413").contains("上传的文件太大");

    // within the request's limit but above a photo's: refused by the photo check, nothing kept
    byte[] png = TestPhotos.png(40, 30, "");
    byte[] large = new byte[(int) settings.photoMaxSize().toBytes() + 1024];
    System.arraycopy(png, 0, large, 0, png.length);
    HttpResponse<String> tooLarge =
        multipart(
            token,
            path,
            Map.of("text", "已处理"),
            List.of(new Part("photo", "ok.png", png), new Part("photo", "big.png", large)));
    assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(400);
    assertThat(JsonApi.error(tooLarge, "photo"))
        .hasValueSatisfying(m -> assertThat(m).contains("照片太大"));

    HttpResponse<String> notImage =
        multipart(
            token,
            path,
            Map.of("text", "已处理"),
            List.of(
                new Part("photo", "ok.png", png),
                new Part("photo", "evil.png", "<script>alert(1)</script>".getBytes())));
    assertThat(notImage.statusCode()).as(notImage.body()).isEqualTo(400);
    assertThat(JsonApi.error(notImage, "photo"))
        .hasValueSatisfying(m -> assertThat(m).contains("照片无法识别"));

    HttpResponse<String> noText =
        multipart(token, path, Map.of("lat", "35.4"), List.of(new Part("photo", "ok.png", png)));
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(noText, "lat")).isPresent();

    JsonNode c = ok(bearer(gm).get("/api/v1/cases/" + id));
    assertThat(c.get("status").asText()).isEqualTo("in-progress");
    assertThat(actions(c)).doesNotContain("handle");
    assertThat(photos(id)).isZero();
  }

  /**
   * A multipart request of {@code length} bytes with a Bearer token, sent over a plain socket from
   * a second thread: the answer as far as the server sent it before closing.
   */
  private String rawUpload(String token, String path, long length) throws Exception {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: multipart/form-data; boundary=case-gate\r\nContent-Length: "
            + length
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nAccept: application/json\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  for (long sent = 0; sent < length; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
                  }
                } catch (IOException e) {
                  // the server closed the connection after answering: expected
                }
              });
      writer.start();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(answer);
      } catch (IOException e) {
        // reset after the answer: what arrived is kept
      }
      writer.join(60_000);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private long steps(JsonNode detail, String action) {
    return actions(detail).stream().filter(action::equals).count();
  }

  @Test
  void overdueCasesAreUrgedThenSupervisedOnceEachAndDueSoonCasesRemindedOnce() {
    JsonApi dispatcher = dispatcher();
    String gm = gridMember();
    OffsetDateTime deadline = OffsetDateTime.now().plusDays(5).truncatedTo(ChronoUnit.SECONDS);
    long id = caseInProgress(dispatcher, gm, Map.of("deadline", deadline.toString()));
    // one case at a time: the clock's run over every open case would move the shared server's
    // other cases into this test's future
    String path = "/api/v1/cases/" + id;

    escalation.runFor(id, deadline.minusHours(settings.dueSoonHours() + 1));
    assertThat(notices(gm, "【临期】")).isZero();
    escalation.runFor(id, deadline.minusHours(2));
    escalation.runFor(id, deadline.minusHours(1));
    assertThat(notices(gm, "【临期】")).isEqualTo(1);

    escalation.runFor(id, deadline.plusHours(1));
    escalation.runFor(id, deadline.plusHours(2));
    JsonNode urged = ok(dispatcher.get(path));
    assertThat(urged.get("escalation").asInt()).isEqualTo(1);
    assertThat(steps(urged, "urge")).isEqualTo(1);
    assertThat(urged.get("steps").get(urged.get("steps").size() - 1).get("by").asText())
        .isEqualTo("system");
    assertThat(notices(gm, "【催办】")).isEqualTo(1);

    OffsetDateTime late = deadline.plusDays(settings.superviseAfterDays()).plusHours(1);
    escalation.runFor(id, late);
    escalation.runFor(id, late.plusDays(1));
    JsonNode supervised = ok(dispatcher.get(path));
    assertThat(supervised.get("escalation").asInt()).isEqualTo(2);
    assertThat(steps(supervised, "supervise")).isEqualTo(1);
    assertThat(steps(supervised, "urge")).isEqualTo(1);
    assertThat(supervised.get("status").asText()).isEqualTo("in-progress");
    String caseNo = supervised.get("caseNo").asText();
    assertThat(notices("leader", "【督办】案件 " + caseNo)).isEqualTo(1);
    assertThat(notices("dispatcher", "【督办】案件 " + caseNo)).isEqualTo(1);
    assertThat(notices(gm, "【督办】案件 " + caseNo)).isEqualTo(1);
  }

  @Test
  void aPublicReportNotAcceptedInTimeIsUrgedToTheDispatchersOnce() {
    CaseFile report =
        caseService.open(
            NewCase.of(
                "小区夜间施工噪声", CaseType.NOISE, CaseSource.PUBLIC_REPORT, Severity.MINOR, "夜里十点后仍在打桩"),
            "public",
            StepInput.text(""));
    OffsetDateTime acceptBy = report.acceptBy().orElseThrow();
    escalation.runFor(report.id(), acceptBy.minusHours(1));
    escalation.runFor(report.id(), acceptBy.plusHours(1));
    escalation.runFor(report.id(), acceptBy.plusHours(2));
    JsonNode c = ok(dispatcher().get("/api/v1/cases/" + report.id()));
    assertThat(c.get("status").asText()).isEqualTo("pending");
    assertThat(steps(c, "urge")).isEqualTo(1);
    assertThat(c.get("escalation").asInt()).isZero();
    assertThat(notices("dispatcher", "【催办】案件 " + report.caseNo())).isEqualTo(1);
  }

  @Test
  void aRuleSetToOpenCasesOpensOneForEachAlarmItRaises() {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    String name = TestAlarms.unique("自动案件规则");
    HttpResponse<String> saved =
        admin.post(
            "/alarm-rules",
            Map.of(
                "name",
                name,
                "type",
                "exceedance",
                "severity",
                "MAJOR",
                "enabled",
                "true",
                "autoCase",
                "true"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    long ruleId =
        jdbc.sql("SELECT id FROM alarm_rule WHERE name = :n")
            .param("n", name)
            .query(Long.class)
            .single();
    assertThat(rules.autoCase(ruleId)).isTrue();
    assertThat(admin.get("/alarm-rules/" + ruleId + "/edit").body())
        .containsPattern("name=\"autoCase\" value=\"true\" checked");

    long alarmId = alarm("颗粒物小时均值超标");
    jdbc.sql("UPDATE alarm SET rule_id = :r WHERE id = :a")
        .param("r", ruleId)
        .param("a", alarmId)
        .update();
    events.publishEvent(new AlarmChanged(alarmId, AlarmStatus.OPEN, true));
    events.publishEvent(new AlarmChanged(alarmId, AlarmStatus.OPEN, true));
    List<Map<String, Object>> opened =
        jdbc.sql("SELECT source, created_by, status FROM case_file WHERE alarm_id = :a")
            .param("a", alarmId)
            .query()
            .listOfRows();
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).get("source")).isEqualTo("ALARM");
    assertThat(opened.get(0).get("created_by")).isEqualTo("system");
    assertThat(opened.get(0).get("status")).isEqualTo("PENDING");

    // switched off: the next alarm of the rule opens none
    HttpResponse<String> off =
        admin.post(
            "/alarm-rules/" + ruleId,
            Map.of(
                "name",
                name,
                "type",
                "exceedance",
                "severity",
                "MAJOR",
                "enabled",
                "true",
                "_autoCase",
                "on"));
    assertThat(off.statusCode()).as(off.body()).isEqualTo(302);
    assertThat(rules.autoCase(ruleId)).isFalse();
    long next = alarm("颗粒物小时均值再次超标");
    jdbc.sql("UPDATE alarm SET rule_id = :r WHERE id = :a")
        .param("r", ruleId)
        .param("a", next)
        .update();
    events.publishEvent(new AlarmChanged(next, AlarmStatus.OPEN, true));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_file WHERE alarm_id = :a")
                .param("a", next)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void notificationsAreListedCountedAndMarkedRead() {
    JsonApi dispatcher = dispatcher();
    String gm = gridMember();
    long id = caseInProgress(dispatcher, gm, Map.of());
    WebSession member = WebSession.loggedIn(port, gm, PASSWORD);
    JsonApi memberScript = JsonApi.withSession(port, member);
    assertThat(ok(memberScript.get("/notifications/unread.json")).get("count").asLong())
        .isEqualTo(1);
    String page = member.get("/notifications").body();
    assertThat(page).contains("已转办给您").contains("河道排污口排放黑水");
    // every page's header tells of it
    assertThat(member.get("/").body()).contains("我的通知（1 条未读）");
    long noticeId =
        jdbc.sql("SELECT id FROM notification WHERE username = :u")
            .param("u", gm)
            .query(Long.class)
            .single();
    // another user cannot mark it read
    WebSession other = WebSession.loggedIn(port, gridMember(), PASSWORD);
    other.post("/notifications/" + noticeId + "/read", Map.of());
    assertThat(ok(memberScript.get("/notifications/unread.json")).get("count").asLong())
        .isEqualTo(1);
    HttpResponse<String> opened = member.post("/notifications/" + noticeId + "/read", Map.of());
    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(opened)).endsWith("/cases/" + id);
    assertThat(ok(memberScript.get("/notifications/unread.json")).get("count").asLong()).isZero();
    assertThat(member.get("/notifications").body()).doesNotContain("全部标为已读", "条未读");
    HttpResponse<byte[]> export = member.getBytes("/notifications/export");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
  }

  @Test
  void aGridMemberRegistersAFindingAndBadFieldsAreAllNamed() {
    String gm = gridMember();
    JsonApi member = bearer(gm);
    HttpResponse<String> created =
        member.post(
            "/api/v1/cases",
            Map.of(
                "title", "工地未苫盖",
                "type", "dust",
                "description", "东侧土方裸露",
                "lat", 35.4,
                "lng", 116.6,
                "place", "青山镇东环路"));
    long id = JsonApi.id(created);
    JsonNode c = ok(member.get("/api/v1/cases/" + id));
    assertThat(c.get("source").asText()).isEqualTo("patrol");
    assertThat(c.get("type").asText()).isEqualTo("dust");
    assertThat(c.get("createdBy").asText()).isEqualTo(gm);
    assertThat(c.get("steps").get(0).get("action").asText()).isEqualTo("register");
    // the bureau's steps are not the member's, even on a case of their own
    HttpResponse<String> accept = member.post("/api/v1/cases/" + id + "/accept", Map.of());
    assertThat(accept.statusCode()).as(accept.body()).isEqualTo(403);

    HttpResponse<String> bad =
        member.post("/api/v1/cases", Map.of("type", "smog", "enterpriseId", 999999999));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JsonApi.error(bad, "title")).isPresent();
    assertThat(JsonApi.error(bad, "type")).hasValueSatisfying(m -> assertThat(m).contains("smog"));
    assertThat(JsonApi.error(bad, "enterpriseId")).isPresent();
    HttpResponse<String> fromAlarm =
        member.post("/api/v1/cases", Map.of("alarmId", alarm("氮氧化物超标")));
    assertThat(fromAlarm.statusCode()).as("only the bureau turns alarms into cases").isEqualTo(403);

    JsonApi leader = JsonApi.withSession(port, WebSession.loggedIn(port, "leader", PASSWORD));
    assertThat(leader.post("/api/v1/cases", Map.of("title", "x", "type", "air")).statusCode())
        .isEqualTo(403);
    assertThat(ok(leader.get("/api/v1/cases/" + id)).get("id").asLong()).isEqualTo(id);
  }

  @Test
  void everyEndpointIsInTheOpenApiDescription() throws Exception {
    WebSession admin = WebSession.loggedIn(port, "admin", PASSWORD);
    HttpResponse<byte[]> docs = admin.getBytes("/v3/api-docs/json");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode api = new ObjectMapper().readTree(docs.body());
    JsonNode paths = api.get("paths");
    assertThat(paths.path("/api/v1/cases").has("get")).isTrue();
    assertThat(paths.path("/api/v1/cases").path("post").path("responses").has("201")).isTrue();
    for (String step :
        List.of(
            "dispatch", "accept", "handle", "verify", "reject", "extension", "urge", "comment")) {
      assertThat(paths.path("/api/v1/cases/{id}/" + step).has("post")).as(step).isTrue();
    }
    assertThat(paths.path("/api/v1/cases/{id}").has("get")).isTrue();
    assertThat(paths.path("/api/v1/cases/{id}/photos/{photoId}").has("get")).isTrue();
    assertThat(
            paths
                .path("/api/v1/cases/{id}/handle")
                .path("post")
                .path("requestBody")
                .path("content")
                .has("multipart/form-data"))
        .isTrue();
    assertThat(paths.path("/api/v1/cases/{id}").path("get").path("responses").has("403")).isTrue();
    assertThat(paths.path("/notifications/unread.json").has("get")).isTrue();
    assertThat(paths.has("/notifications")).as("a page").isFalse();
    JsonNode schemas = api.path("components").path("schemas");
    assertThat(schemas.path("CaseCreated").path("properties").has("status")).isTrue();
    assertThat(schemas.path("CaseStepView").path("properties").has("attachments")).isTrue();
  }
}
