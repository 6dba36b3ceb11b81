package org.qingshan.server.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16: names match departments after the county prefix and short forms are normalised, the
 * review page shows the department of each name, and a planner resolves an unknown name on the page
 * itself (the name becomes an alias of the department picked).
 */
@DemoServerTest
class PlanDepartmentMatchingHttpTest {

  @LocalServerPort int port;

  @Test
  void namesResolveThroughCountyPrefixAndShortFormsAndAPlannerResolvesTheRest() throws Exception {
    // A unit name no other test uses, so the alias recorded here changes nobody else's import.
    String unknown = "县" + randomHan(4) + "服务中心";
    String plan =
        "示范县“十四五”生态环境保护规划\n"
            + "一、主要任务\n"
            + "1.加强扬尘管控。落实施工工地扬尘管控责任。（示范县住房和城乡建设局牵头，县市场监管局、"
            + unknown
            + "配合）\n"
            + "2.推进老旧小区改造。完成改造任务。（责任单位：住房城乡建设局）\n";
    WebSession planner = WebSession.loggedIn(port, "planner", "qingshan2026");
    planner.get("/plans/import");
    planner.upload("/plans/import", "file", "示范县规划.txt", plan.getBytes(StandardCharsets.UTF_8));
    String page = planner.get("/plans/import").body();

    // 示范县住房和城乡建设局 and 住房城乡建设局 are the demo county's 县住房和城乡建设局; 县市场监管局 its alias.
    assertThat(departmentOf(page, "示范县住房和城乡建设局")).isEqualTo("县住房和城乡建设局");
    assertThat(departmentOf(page, "住房城乡建设局")).isEqualTo("县住房和城乡建设局");
    assertThat(departmentOf(page, "县市场监管局")).isEqualTo("县市场监督管理局");
    assertThat(departmentOf(page, unknown)).isNull();
    assertThat(between(page, "id=\"unresolved\">", "</p>")).contains(unknown);

    // The planner picks 县商务局 for the unknown name on the review page.
    String commerce = optionValue(page, "县商务局");
    HttpResponse<String> r =
        planner.post("/plans/import/alias", Map.of("name", unknown, "departmentId", commerce));
    assertThat(WebSession.location(r)).endsWith("/plans/import");
    String after = planner.get("/plans/import").body();
    assertThat(departmentOf(after, unknown)).isEqualTo("县商务局");
    assertThat(after).doesNotContain("id=\"unresolved\"");

    // Recorded as an alias by the department feature, on the record.
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/audit?q=" + URLEncoder.encode(unknown, StandardCharsets.UTF_8)).body())
        .contains("县商务局 ← " + unknown);

    // A name that is not in the imported plan is refused.
    HttpResponse<String> refused =
        planner.post(
            "/plans/import/alias",
            Map.of("name", "县" + randomHan(5) + "局", "departmentId", commerce));
    assertThat(refused.statusCode()).isNotEqualTo(302);
  }

  /** The department shown for {@code name} in the names table, or null when it is unresolved. */
  private static String departmentOf(String page, String name) {
    String table = between(page, "id=\"names\"", "</table>");
    Matcher row =
        Pattern.compile("data-name=\"" + Pattern.quote(name) + "\">(.*?)</tr>", Pattern.DOTALL)
            .matcher(table);
    assertThat(row.find()).as("row for " + name).isTrue();
    Matcher resolved = Pattern.compile("class=\"resolved\">([^<]*)<").matcher(row.group(1));
    return resolved.find() ? resolved.group(1) : null;
  }

  private static String optionValue(String page, String departmentPath) {
    Matcher m =
        Pattern.compile(
                "<option value=\"(\\d+)\">[^<]*" + Pattern.quote(departmentPath) + "</option>")
            .matcher(page);
    assertThat(m.find()).as("option " + departmentPath).isTrue();
    return m.group(1);
  }

  private static String randomHan(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ThreadLocalRandom.current().nextInt(0x4e00, 0x9fa5));
    }
    return text.toString();
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as(start).isGreaterThanOrEqualTo(0);
    int to = text.indexOf(end, from + start.length());
    return text.substring(from + start.length(), to);
  }
}
