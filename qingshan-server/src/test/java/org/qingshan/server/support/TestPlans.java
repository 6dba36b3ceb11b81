package org.qingshan.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.support.MultipartForm.Part;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans for tests of dispatch, dashboards and evaluations: a copy of the demo plan (or of the demo
 * plan with a task added) uploaded and published through the JSON API by a planner's token, and its
 * tasks found by title; the steps tests take on it (a replacement uploaded, 修订, reports) and the
 * dates they set back so that periods and deadlines are judged at known times.
 */
public final class TestPlans {
  private TestPlans() {}

  /** The demo plan's text (its departments are the demo county's). */
  public static byte[] demoPlanText() {
    try (InputStream in = TestPlans.class.getResourceAsStream("/plandispatch/demo-plan.txt")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new copy of the demo plan, uploaded as {@code fileName} and published; its id. */
  public static long publishedDemoPlan(int port, String plannerToken, String fileName) {
    return publishedPlan(port, plannerToken, fileName, demoPlanText());
  }

  /**
   * The demo plan's text with {@code task} (a numbered task and its units) added to its last
   * section.
   */
  public static byte[] demoPlanWith(String task) {
    String text = new String(demoPlanText(), StandardCharsets.UTF_8);
    int projects = text.indexOf("三、重点工程");
    assertThat(projects).isPositive();
    return (text.substring(0, projects) + task.strip() + "\n\n" + text.substring(projects))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A plan's text uploaded as {@code fileName}: the draft's id. */
  public static long draftPlan(int port, String plannerToken, String fileName, byte[] text) {
    return uploaded(port, plannerToken, Map.of(), fileName, text);
  }

  /**
   * A corrected file uploaded as {@code fileName} to replace the plan {@code replaced}: the draft
   * of the plan's next version.
   */
  public static long draftReplacing(
      int port, String plannerToken, long replaced, String fileName, byte[] text) {
    return uploaded(
        port, plannerToken, Map.of("replaces", String.valueOf(replaced)), fileName, text);
  }

  private static long uploaded(
      int port, String plannerToken, Map<String, String> fields, String fileName, byte[] text) {
    HttpResponse<String> created =
        MultipartForm.bearer(
            port, plannerToken, "/api/v1/plans", fields, List.of(new Part("file", fileName, text)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JsonApi.id(created);
  }

  /** A plan's text uploaded as {@code fileName} and published; its id. */
  public static long publishedPlan(int port, String plannerToken, String fileName, byte[] text) {
    long id = draftPlan(port, plannerToken, fileName, text);
    publish(port, plannerToken, id);
    return id;
  }

  /** Publishes the draft through the API. */
  public static void publish(int port, String plannerToken, long draft) {
    HttpResponse<String> published =
        JsonApi.bearer(port, plannerToken)
            .post("/api/v1/plans/" + draft + "/publish", Map.of("confirmed", "true"));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
  }

  /**
   * 修订 on the review pages, by a planner logged in there: the id of the draft of the plan's next
   * version.
   */
  public static long revise(WebSession page, long plan) {
    HttpResponse<String> revised =
        page.post("/dispatch/review/plans/" + plan + "/revise", Map.of());
    WebSession.redirected(revised);
    return Long.parseLong(
        WebSession.location(revised).replaceAll(".*/plans/(\\d+)/review.*", "$1"));
  }

  /**
   * Sets the plan's publication back to {@code at} (a time with its offset), so that its report
   * periods are judged from a known day.
   */
  public static void publishedOn(JdbcClient jdbc, long plan, String at) {
    set(jdbc, "dispatch_plan", "published_at", OffsetDateTime.parse(at), plan);
  }

  /**
   * Sets how often the plan's departments report, as a planner sets it on the dashboard but
   * straight in the database (no audit entry).
   */
  public static void scheduleReports(JdbcClient jdbc, long plan, DispatchSchedule schedule) {
    set(jdbc, "dispatch_plan", "report_schedule", schedule.name(), plan);
  }

  /**
   * A progress report on the task through the API by the token's user, {@code files} its evidence:
   * the answer, whether the report was taken or refused.
   */
  public static HttpResponse<String> report(
      int port, String token, long task, Map<String, String> fields, List<Part> files) {
    return MultipartForm.bearer(port, token, "/api/v1/tasks/" + task + "/progress", fields, files);
  }

  /**
   * Asserts that the report was taken, then sets it back to {@code at} (a time with its offset), so
   * that dashboards and reminders judge it at a known time: the report's id.
   */
  public static long reportedAt(JdbcClient jdbc, HttpResponse<String> report, String at) {
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
    long id = JsonApi.id(report);
    reportedAt(jdbc, id, at);
    return id;
  }

  /** Sets the report of that id back to {@code at} (a time with its offset). */
  public static void reportedAt(JdbcClient jdbc, long report, String at) {
    set(jdbc, "dispatch_progress", "reported_at", OffsetDateTime.parse(at), report);
  }

  /** Sets one column of the table's row of that id. */
  private static void set(JdbcClient jdbc, String table, String column, Object value, long id) {
    jdbc.sql("UPDATE " + table + " SET " + column + " = :v WHERE id = :id")
        .param("v", value)
        .param("id", id)
        .update();
  }

  /** The task of that title in the plan (titles of the demo plan's tasks are unique). */
  public static long taskId(JdbcClient jdbc, long plan, String title) {
    return jdbc.sql("SELECT id FROM dispatch_task WHERE plan_id = :p AND title = :t")
        .param("p", plan)
        .param("t", title)
        .query(Long.class)
        .single();
  }
}
