package org.qingshan.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.qingshan.server.support.MultipartForm.Part;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plans for tests of dispatch, dashboards and evaluations: a copy of the demo plan (or of the demo
 * plan with a task added) uploaded and published through the JSON API by a planner's token, and its
 * tasks found by title.
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
    HttpResponse<String> created =
        MultipartForm.bearer(
            port,
            plannerToken,
            "/api/v1/plans",
            Map.of(),
            List.of(new Part("file", fileName, text)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JsonApi.id(created);
  }

  /** A plan's text uploaded as {@code fileName} and published; its id. */
  public static long publishedPlan(int port, String plannerToken, String fileName, byte[] text) {
    long id = draftPlan(port, plannerToken, fileName, text);
    HttpResponse<String> published =
        JsonApi.bearer(port, plannerToken).post("/api/v1/plans/" + id + "/publish", Map.of());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return id;
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
