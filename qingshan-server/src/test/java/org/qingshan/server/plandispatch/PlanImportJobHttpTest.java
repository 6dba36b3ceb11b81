package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.JsonApi;
import org.qingshan.server.support.TestUsers;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans page's import with a progress bar, over HTTP as its script talks to it: the upload
 * answers 202 with a job at once, the job goes through its stages to a stored draft whose review
 * page it names, audited as the planner from their address; a file of the wrong type or empty is
 * refused at once, a file that is not a plan or too large for the importer fails its job with a
 * Chinese reason and stores nothing; another user learns nothing of the job, a liaison may not
 * start one; the endpoints are in the OpenAPI description.
 */
@DemoServerTest
class PlanImportJobHttpTest {
  @LocalServerPort int port;
  @Autowired TestUsers people;
  @Autowired JdbcClient jdbc;

  private String user(Role role, String department) {
    return people.user(role, department, "pij");
  }

  private WebSession planner() {
    WebSession s = WebSession.loggedIn(port, user(Role.PLANNER, "示范县生态环境分局"), TestUsers.PASSWORD);
    // the plans page, as the script starts from it: its form's CSRF token
    s.get("/dispatch/plans");
    return s;
  }

  /** The file posted as the page's script posts it: the session, its CSRF token, JSON asked for. */
  private HttpResponse<String> start(WebSession session, String fileName, byte[] content) {
    String boundary = "----pij" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    PrintStream w = new PrintStream(body, true, StandardCharsets.UTF_8);
    w.print("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n");
    w.print(session.csrfToken() + "\r\n--" + boundary);
    w.print("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"");
    w.print("\r\nContent-Type: application/octet-stream\r\n\r\n");
    w.write(content, 0, content.length);
    w.print("\r\n--" + boundary + "--\r\n");
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/dispatch/plans/jobs"))
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .header("Cookie", session.cookieHeader())
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> poll(WebSession session, String id) {
    return JsonApi.withSession(port, session).get("/dispatch/plans/jobs/" + id);
  }

  private long plans() {
    return jdbc.sql("SELECT COUNT(*) FROM dispatch_plan").query(Long.class).single();
  }

  /** Polls the job as the page does until it is no longer running; the stages seen on the way. */
  private JsonNode finish(WebSession session, JsonNode job, List<String> stages)
      throws InterruptedException {
    JsonNode j = job;
    // bounded by attempts, not by a time asserted: a slow machine only waits longer
    for (int i = 0; i < 600 && j.get("state").asText().equals("running"); i++) {
      Thread.sleep(100);
      HttpResponse<String> r = poll(session, j.get("id").asText());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      j = JsonApi.read(r);
      if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(j.get("stage").asText())) {
        stages.add(j.get("stage").asText());
      }
    }
    return j;
  }

  @Test
  void theUploadAnswersWithAJobThatEndsAsADraftOnItsReviewPage() throws Exception {
    WebSession planner = planner();
    assertThat(planner.get("/dispatch/plans").body())
        .contains(
            "plan-import.js", "data-max-bytes=\"20971520\"", "读取文件", "识别章节", "拆分任务", "匹配部门", "保存");
    String text =
        new String(PlanDispatchDemo.text(), StandardCharsets.UTF_8)
            .replace("生态环境保护“十四五”规划实施方案", "生态环境保护进度条方案");
    long before = plans();

    HttpResponse<String> started =
        start(planner, "进度条方案.txt", text.getBytes(StandardCharsets.UTF_8));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode job = JsonApi.read(started);
    assertThat(started.headers().firstValue("Location"))
        .hasValue("/dispatch/plans/jobs/" + job.get("id").asText());
    assertThat(job.get("fileName").asText()).isEqualTo("进度条方案.txt");
    assertThat(job.get("steps").asInt()).isEqualTo(5);

    List<String> stages = new ArrayList<>();
    JsonNode done = finish(planner, job, stages);
    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.get("stage").asText()).isEqualTo("SAVING");
    assertThat(done.get("label").asText()).isEqualTo("保存");
    assertThat(done.get("step").asInt()).isEqualTo(5);
    long id = done.get("plan").asLong();
    assertThat(done.get("review").asText()).isEqualTo("/dispatch/plans/" + id + "/review");
    assertThat(plans()).isEqualTo(before + 1);

    HttpResponse<String> review = planner.get(done.get("review").asText());
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body()).contains("生态环境保护进度条方案", "加强柴油货车污染治理");
    // the import ran on the job's thread, yet it is the planner's, from their address
    Map<String, Object> audit =
        jdbc.sql(
                "SELECT actor, remote_addr FROM audit_entry WHERE entity_type = 'dispatch-plan'"
                    + " AND entity_id = :id AND action = 'IMPORT'")
            .param("id", String.valueOf(id))
            .query()
            .singleRow();
    assertThat(audit.get("actor")).isNotEqualTo("system");
    assertThat(audit.get("remote_addr")).isEqualTo("127.0.0.1");
  }

  @Test
  void aWrongTypeOrAnEmptyFileIsRefusedAtOnceAndNothingIsStored() {
    WebSession planner = planner();
    long before = plans();
    HttpResponse<String> exe = start(planner, "规划.exe", "MZ".getBytes(StandardCharsets.US_ASCII));
    assertThat(exe.statusCode()).isEqualTo(400);
    assertThat(JsonApi.read(exe).get("message").asText())
        .contains("“规划.exe”不是支持的规划文件类型")
        .doesNotContain("Exception");
    HttpResponse<String> empty = start(planner, "规划.txt", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JsonApi.read(empty).get("message").asText()).contains("空文件");
    assertThat(plans()).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotAPlanOrTooLargeFailsItsJobWithAReasonAndStoresNothing() throws Exception {
    WebSession planner = planner();
    long before = plans();
    byte[] letter =
        "关于召开会议的通知\n各单位：\n定于下周一上午九点在三楼会议室召开工作会议，请准时参加。\n特此通知。\n".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> started = start(planner, "会议通知.txt", letter);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode failed = finish(planner, JsonApi.read(started), new ArrayList<>());
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.get("message").asText()).contains("会议通知.txt").doesNotContain("Exception");
    assertThat(failed.has("plan") && !failed.get("plan").isNull()).isFalse();

    // over the importer's 2,000,000 characters, under the upload's 20 MB
    byte[] huge = ("示范县规划\n一、总体要求\n" + "很".repeat(2_100_000)).getBytes(StandardCharsets.UTF_8);
    JsonNode tooLarge =
        finish(planner, JsonApi.read(start(planner, "巨大规划.txt", huge)), new ArrayList<>());
    assertThat(tooLarge.get("state").asText()).isEqualTo("failed");
    assertThat(tooLarge.get("message").asText()).contains("“巨大规划.txt”过大");
    assertThat(plans()).isEqualTo(before);
  }

  @Test
  void onlyTheUploaderReadsTheJobAndALiaisonStartsNone() throws Exception {
    WebSession planner = planner();
    HttpResponse<String> started = start(planner, "示范方案.txt", PlanDispatchDemo.text());
    String id = JsonApi.read(started).get("id").asText();
    HttpResponse<String> other = poll(planner(), id);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("没有找到该导入任务").doesNotContain("示范方案");
    assertThat(finish(planner, JsonApi.read(started), new ArrayList<>()).get("state").asText())
        .isEqualTo("done");

    WebSession liaison =
        WebSession.loggedIn(port, user(Role.LIAISON, "县住房和城乡建设局"), TestUsers.PASSWORD);
    liaison.get("/dispatch/my-tasks");
    long before = plans();
    assertThat(start(liaison, "示范方案.txt", PlanDispatchDemo.text()).statusCode()).isEqualTo(403);
    assertThat(poll(liaison, id).statusCode()).isEqualTo(403);
    assertThat(plans()).isEqualTo(before);

    WebSession admin = WebSession.loggedIn(port, "admin", TestUsers.PASSWORD);
    assertThat(JsonApi.withSession(port, admin).get("/v3/api-docs/json").body())
        .contains("/dispatch/plans/jobs", "/dispatch/plans/jobs/{id}");
  }
}
