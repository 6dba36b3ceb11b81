package org.qingshan.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.cases.Assignees;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.StepInput;
import org.qingshan.server.report.LoopbackClient.Answer;
import org.qingshan.server.report.LoopbackClient.Part;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.web.PageSections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 随手拍 over real HTTP, each test from a client address of its own: a report enters the case loop and
 * its reporter reads the answer; limits per address and phone; refused photos leave nothing behind;
 * tracking numbers cannot be guessed; the phone number stays with the bureau.
 */
@DemoServerTest
class ReportHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired CaseService cases;
  @Autowired Assignees assignees;
  @Autowired UserDetailsService users;
  @Autowired ReportSettings settings;
  @Autowired PageSections pageSections;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aReportEntersTheCaseLoopAndItsReporterReadsTheAnswer() throws Exception {
    LoopbackClient reporter = LoopbackClient.fresh(port);
    String phone = uniquePhone();
    Answer created =
        reporter.post(
            "/public/reports",
            fields("河边有工厂夜间偷排黄色污水，气味刺鼻", "36.60", "115.70", phone),
            List.of(
                new Part(
                    "photos", "河边.png", TestPhotos.png(80, 60, "EXIF GPS 36.6 115.7 " + phone))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(phone);
    String no = JSON.readTree(created.body()).path("trackingNo").asText();
    assertThat(no).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");

    Answer pending = reporter.get("/public/reports/" + no);
    assertThat(pending.status()).isEqualTo(200);
    assertThat(JSON.readTree(pending.body()).path("status").asText()).isEqualTo("pending");
    assertThat(JSON.readTree(pending.body()).path("answer").isNull()).isTrue();
    assertThat(pending.body()).doesNotContain(phone, "偷排", "36.6", "caseNo");

    Map<String, Object> row =
        jdbc.sql(
                "SELECT r.case_id, r.phone, r.address_hash, c.source, c.created_by, c.town_id,"
                    + " c.type, c.severity FROM public_report r JOIN case_file c ON c.id ="
                    + " r.case_id WHERE r.tracking_no = :no")
            .param("no", no.replace("-", ""))
            .query()
            .singleRow();
    long caseId = ((Number) row.get("case_id")).longValue();
    assertThat(row.get("phone")).isEqualTo(phone);
    assertThat(row.get("source")).isEqualTo("PUBLIC_REPORT");
    assertThat(row.get("created_by")).isEqualTo("public");
    assertThat(row.get("severity")).isEqualTo("MINOR");
    assertThat(row.get("type")).isEqualTo("OTHER");
    assertThat((String) row.get("address_hash"))
        .as("the address is kept only as a keyed hash")
        .hasSize(64)
        .doesNotContain(reporter.address());
    long town = jdbc.sql("SELECT id FROM department WHERE name = '青山镇'").query(Long.class).single();
    assertThat(((Number) row.get("town_id")).longValue()).isEqualTo(town);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM case_photo WHERE case_id = :c")
                .param("c", caseId)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    as("dispatcher");
    cases.accept(caseId, StepInput.text(""));
    cases.dispatch(caseId, assignees.user("grid"), Optional.empty(), StepInput.text("请核实"));
    as("grid");
    cases.take(caseId, StepInput.text(""));
    cases.handle(caseId, StepInput.text("已责令企业停止排放并采样"));
    Answer inProgress = reporter.get("/public/reports/" + no.toLowerCase().replace("-", ""));
    assertThat(JSON.readTree(inProgress.body()).path("status").asText())
        .isEqualTo("awaiting-verification");
    assertThat(JSON.readTree(inProgress.body()).path("answer").isNull())
        .as("no answer before the case is finished")
        .isTrue();
    as("dispatcher");
    String answer = "经查，该企业已停产整改，并依法立案处罚。感谢您的监督！";
    cases.verify(caseId, true, StepInput.text(answer));

    JsonNode closed = JSON.readTree(reporter.get("/public/reports/" + no).body());
    assertThat(closed.path("status").asText()).isEqualTo("closed");
    assertThat(closed.path("answer").asText()).isEqualTo(answer);
    assertThat(closed.size()).as("status and answer, nothing else").isEqualTo(2);

    // The reporter's page shows the same, in Chinese.
    WebSession visitor = new WebSession(port);
    visitor.get("/public/track");
    var page = visitor.postRaw("/public/track", Map.of("no", no));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("已办结", answer).doesNotContain(phone, "偷排");
  }

  @Test
  void onlyTheBureauSeesTheReportersPhoneNumber() {
    LoopbackClient reporter = LoopbackClient.fresh(port);
    String phone = uniquePhone();
    Answer created =
        reporter.post(
            "/public/reports", fields("垃圾堆放点焚烧塑料，黑烟很大", "36.45", "115.50", phone), List.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id =
        jdbc.sql("SELECT id FROM public_report WHERE phone = :p")
            .param("p", phone)
            .query(Long.class)
            .single();

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    assertThat(dispatcher.get("/reports?q=" + phone).body()).contains(phone, "垃圾堆放点");
    String detail = dispatcher.get("/reports/" + id).body();
    assertThat(detail).contains(phone, "/cases/", "垃圾堆放点");
    long caseId =
        jdbc.sql("SELECT case_id FROM public_report WHERE id = :id")
            .param("id", id)
            .query(Long.class)
            .single();
    // The case page's section: the phone for the bureau, nothing for anyone else.
    as("dispatcher");
    var sections = pageSections.of("case", caseId);
    assertThat(sections).hasSize(1);
    assertThat(sections.get(0).fragment()).isEqualTo("report/sections :: case");
    assertThat(((PublicReport) sections.get(0).model().get("report")).phone()).contains(phone);
    for (String user : List.of("grid", "leader", "liaison")) {
      as(user);
      assertThat(pageSections.of("case", caseId)).as(user).isEmpty();
    }
    SecurityContextHolder.clearContext();
    var export = dispatcher.getBytes("/reports/export?q=" + phone);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");

    for (String user : List.of("grid", "liaison", "leader", "planner", "enterprise")) {
      WebSession other = WebSession.loggedIn(port, user, "qingshan2026");
      assertThat(other.get("/reports").statusCode()).as(user).isEqualTo(403);
      assertThat(other.get("/reports/" + id).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(new WebSession(port).get("/reports/" + id).statusCode())
        .as("not logged in: to the login page")
        .isEqualTo(302);
  }

  @Test
  void tooManyReportsFromOneAddressAreRefusedInChinese() {
    LoopbackClient flood = LoopbackClient.fresh(port);
    for (int i = 0; i < settings.perAddressPerHour(); i++) {
      Answer a =
          flood.post("/public/reports", fields("重复举报 " + i, "36.5", "115.6", null), List.of());
      assertThat(a.status()).as(a.body()).isEqualTo(201);
    }
    long before = count("public_report");
    Answer refused =
        flood.post("/public/reports", fields("又一次举报", "36.5", "115.6", null), List.of());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).contains("同一网络每小时最多提交 " + settings.perAddressPerHour() + " 次");
    assertThat(count("public_report")).isEqualTo(before);

    // The page says the same to a person at that address.
    Answer page =
        flood.post("/public/report", fields("页面上再举报一次", "36.5", "115.6", null), List.of());
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.body()).contains("同一网络每小时最多提交");
    assertThat(alerts(flood.address()))
        .as("the flood is on the record once, with its address")
        .isEqualTo(1);
    // Another address is not affected.
    assertThat(
            LoopbackClient.fresh(port)
                .post("/public/reports", fields("别处的举报", "36.5", "115.6", null), List.of())
                .status())
        .isEqualTo(201);
  }

  @Test
  void tooManyReportsWithOnePhoneAreRefusedFromAnyAddress() {
    String phone = uniquePhone();
    for (int i = 0; i < settings.perPhonePerHour(); i++) {
      Answer a =
          LoopbackClient.fresh(port)
              .post("/public/reports", fields("同一电话举报 " + i, "36.5", "115.6", phone), List.of());
      assertThat(a.status()).as(a.body()).isEqualTo(201);
    }
    // The same number written another way is the same number.
    String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
    Answer refused =
        LoopbackClient.fresh(port)
            .post("/public/reports", fields("换个地址再举报", "36.5", "115.6", spaced), List.of());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body())
        .contains("同一电话每小时最多提交 " + settings.perPhonePerHour() + " 次")
        .doesNotContain(phone);
  }

  @Test
  void aFileThatIsNoImageLeavesNothingBehind() {
    LoopbackClient reporter = LoopbackClient.fresh(port);
    long reports = count("public_report");
    long caseFiles = count("case_file");
    long photos = count("case_photo");
    long files = storedPhotoFiles();
    Answer refused =
        reporter.post(
            "/public/reports",
            fields("附上照片和一个脚本", "36.5", "115.6", uniquePhone()),
            List.of(
                new Part("photo", "好的.png", TestPhotos.png(40, 30, "")),
                new Part(
                    "photo",
                    "照片.jpg",
                    "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("照片无法识别");
    assertThat(count("public_report")).isEqualTo(reports);
    assertThat(count("case_file")).isEqualTo(caseFiles);
    assertThat(count("case_photo")).isEqualTo(photos);
    assertThat(storedPhotoFiles()).as("the good photo's file is removed again").isEqualTo(files);

    Answer tooMany =
        reporter.post(
            "/public/reports",
            fields("照片太多", "36.5", "115.6", null),
            List.of(
                new Part("photos", "1.png", TestPhotos.png(10, 10, "")),
                new Part("photos", "2.png", TestPhotos.png(10, 10, "")),
                new Part("photos", "3.png", TestPhotos.png(10, 10, "")),
                new Part("photos", "4.png", TestPhotos.png(10, 10, ""))));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("照片太多：每次最多 3 张");
    assertThat(count("public_report")).isEqualTo(reports);

    Answer noPlace = reporter.post("/public/reports", fields("没有位置", "", "", null), List.of());
    assertThat(noPlace.status()).isEqualTo(400);
    assertThat(noPlace.body()).contains("请在地图上标出位置");
  }

  @Test
  void aFiftyMegabyteUploadIsRefusedBeforeItIsRead() throws Exception {
    fiftyMegabytes("/public/report", "text/html");
    fiftyMegabytes("/public/reports", "application/json");
  }

  private void fiftyMegabytes(String path, String accept) throws Exception {
    LoopbackClient reporter = LoopbackClient.fresh(port);
    long reports = count("public_report");
    long caseFiles = count("case_file");
    long length = 50L * 1024 * 1024;
    String boundary = "qingshan-big";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"big.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    String request =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: "
            + length
            + "\r\nAccept: "
            + accept
            + "\r\n\r\n";
    try (Socket socket = reporter.connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      AtomicLong sent = new AtomicLong();
      Thread writer =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                try {
                  out.write(head);
                  long filler = length - head.length;
                  while (filler > 0) {
                    int n = (int) Math.min(chunk.length, filler);
                    out.write(chunk, 0, n);
                    sent.addAndGet(n);
                    filler -= n;
                  }
                  out.flush();
                } catch (IOException refusedMidway) {
                  // The server closed the connection, as a refusal should.
                }
              });
      writer.setDaemon(true);
      writer.start();
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      long sentWhenAnswered = sent.get();
      String page = readPage(in);
      socket.close();
      writer.join();
      assertThat(statusLine.split(" ")[1]).isEqualTo("413");
      assertThat(sentWhenAnswered).isLessThan(length / 2);
      if (accept.equals("text/html")) {
        assertThat(page)
            .contains("上传的文件太大：此处最多接受 " + settings.maxRequestSize().toMegabytes() + " MB")
            .doesNotContain("Exception");
      }
    }
    assertThat(count("public_report")).isEqualTo(reports);
    assertThat(count("case_file")).isEqualTo(caseFiles);
  }

  @Test
  void guessedTrackingNumbersAre404AndThenRateLimited() throws Exception {
    LoopbackClient reporter = LoopbackClient.fresh(port);
    Answer created =
        reporter.post("/public/reports", fields("排污口有白色泡沫", "36.5", "115.6", null), List.of());
    String real = JSON.readTree(created.body()).path("trackingNo").asText();

    LoopbackClient guesser = LoopbackClient.fresh(port);
    for (int i = 0; i < settings.lookupMisses(); i++) {
      Answer miss = guesser.get("/public/reports/" + TrackingNumbers.next());
      assertThat(miss.status()).as("guess %d", i).isEqualTo(404);
      assertThat(miss.body()).contains("没有这个受理编号");
    }
    Answer limited = guesser.get("/public/reports/" + TrackingNumbers.next());
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).contains("查询不存在的编号次数过多");
    assertThat(guesser.get("/public/reports/" + real).status())
        .as("even a real number, once an address is stopped")
        .isEqualTo(429);
    assertThat(guesser.get("/public/reports/not-even-a-number").status()).isEqualTo(429);
    assertThat(reporter.get("/public/reports/" + real).status())
        .as("other addresses go on")
        .isEqualTo(200);
    assertThat(alerts(guesser.address()))
        .as("the stop is audited once with the address")
        .isEqualTo(1);
  }

  @Test
  void thePublicPagesNeedNoLoginAndTheApiIsDocumented() {
    WebSession visitor = new WebSession(port);
    var form = visitor.get("/public/report");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("随手拍", "使用我的位置", "同一网络每小时最多提交 " + settings.perAddressPerHour() + " 次")
        .doesNotContain("_csrf");
    assertThat(form.headers().firstValue("Set-Cookie")).as("no session is made").isEmpty();
    var track = visitor.get("/public/track");
    assertThat(track.statusCode()).isEqualTo(200);
    assertThat(track.body()).doesNotContain("_csrf");
    assertThat(track.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(visitor.getBytes("/public/report/outline.geojson").statusCode()).isEqualTo(200);
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String api = new String(admin.getBytes("/v3/api-docs/json").body(), StandardCharsets.UTF_8);
    assertThat(api).contains("/public/reports", "/public/reports/{trackingNo}");
  }

  @Test
  void theDemoCountyHasReportsWithEveryOutcome() throws Exception {
    List<String> statuses =
        jdbc.sql(
                "SELECT c.status FROM public_report r JOIN case_file c ON c.id = r.case_id"
                    + " WHERE r.text IN ('白河桥下游河水发黑发臭，岸边有一根管子在往河里排水，晚上排得更多。',"
                    + " '青山镇工业园北侧工地没有围挡，渣土车进出不冲洗，路上扬尘很大。',"
                    + " '小区楼下烧烤店油烟大，晚上十二点还很吵。', '柳林镇南边田里有人焚烧秸秆，烟很大。')")
            .query(String.class)
            .list();
    assertThat(statuses).containsExactlyInAnyOrder("PENDING", "DISPATCHED", "REJECTED", "CLOSED");

    // A refused report shows its reason to the reporter; an open one no answer yet.
    LoopbackClient reporter = LoopbackClient.fresh(port);
    JsonNode refused =
        JSON.readTree(reporter.get("/public/reports/" + demoNumber("REJECTED")).body());
    assertThat(refused.path("status").asText()).isEqualTo("rejected");
    assertThat(refused.path("answer").asText()).contains("12345");
    JsonNode open =
        JSON.readTree(reporter.get("/public/reports/" + demoNumber("DISPATCHED")).body());
    assertThat(open.path("status").asText()).isEqualTo("dispatched");
    assertThat(open.path("answer").isNull()).isTrue();
  }

  @Test
  void theTrackingPageStopsAnAddressThatGuesses() {
    LoopbackClient guesser = LoopbackClient.fresh(port);
    for (int i = 0; i < settings.lookupMisses(); i++) {
      Answer miss = guesser.postForm("/public/track", Map.of("no", TrackingNumbers.next()));
      assertThat(miss.status()).isEqualTo(404);
      assertThat(miss.body()).contains("没有这个受理编号");
    }
    Answer limited = guesser.postForm("/public/track", Map.of("no", demoNumber("CLOSED")));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).contains("查询不存在的编号次数过多").doesNotContain("已办结");
  }

  private String demoNumber(String status) {
    return jdbc.sql(
            "SELECT r.tracking_no FROM public_report r JOIN case_file c ON c.id = r.case_id"
                + " WHERE c.status = :s AND r.text IN ('小区楼下烧烤店油烟大，晚上十二点还很吵。',"
                + " '青山镇工业园北侧工地没有围挡，渣土车进出不冲洗，路上扬尘很大。',"
                + " '柳林镇南边田里有人焚烧秸秆，烟很大。')")
        .param("s", status)
        .query(String.class)
        .single();
  }

  private int alerts(String address) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'public-report'"
                + " AND action = 'SECURITY_ALERT' AND remote_addr = :a")
        .param("a", address)
        .query(Integer.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static long storedPhotoFiles() {
    java.nio.file.Path dir = java.nio.file.Path.of("target/test-data/case-photos");
    if (!java.nio.file.Files.exists(dir)) {
      return 0;
    }
    try (var walk = java.nio.file.Files.walk(dir)) {
      return walk.filter(java.nio.file.Files::isRegularFile).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> fields(String text, String lat, String lng, String phone) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("text", text);
    f.put("lat", lat);
    f.put("lng", lng);
    if (phone != null) {
      f.put("phone", phone);
    }
    return f;
  }

  private static String uniquePhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  private void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).trim();
  }

  private static String readPage(InputStream in) {
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) != -1) {
        page.write(b);
        if (b == '>' && page.toString(StandardCharsets.UTF_8).endsWith("</html>")) {
          break;
        }
      }
    } catch (IOException reset) {
      // What was read before the reset is what a browser shows.
    }
    return page.toString(StandardCharsets.UTF_8);
  }
}
