package org.qingshan.server.plandispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The side-by-side review in a real Chromium: each task beside its source lines, a task merged into
 * the one before through its 更正 panel, a placeholder replaced everywhere, the history listing both;
 * the key projects page's map loads without a script error.
 */
class PlanReviewBrowserTest extends BrowserTestBase {
  private static final String PASSWORD = "qingshan2026";
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  private long task(long planId, String titleStart) {
    return jdbc.sql(
            "SELECT id FROM dispatch_task WHERE plan_id = :p AND kind = 'TASK' AND title LIKE :t")
        .param("p", planId)
        .param("t", titleStart + "%")
        .query(Long.class)
        .single();
  }

  @Test
  void aPlannerReviewsADraftBesideItsSourceAndCorrectsIt() {
    String planner = TestAlarms.unique("prb");
    long department =
        jdbc.sql("SELECT id FROM department WHERE name = '示范县生态环境分局'").query(Long.class).single();
    users.insert(
        planner,
        "规划员" + planner,
        encoder.encode(PASSWORD),
        Optional.of(department),
        Optional.empty(),
        false,
        Set.of(Role.PLANNER));
    String text =
        new String(PlanDispatchDemo.text(), StandardCharsets.UTF_8)
            .replace("生态环境保护“十四五”规划实施方案", "生态环境保护浏览器审核方案")
            .replace("全县建筑工地全部落实", "【县名】建筑工地全部落实");
    HttpResponse<String> r =
        WebSession.loggedIn(port, planner, PASSWORD)
            .upload("/dispatch/plans", "file", "方案.txt", text.getBytes(StandardCharsets.UTF_8));
    String location = WebSession.location(r);
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    long diesel = task(id, "加强柴油货车污染治理");
    long straw = task(id, "严禁秸秆露天焚烧");

    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, planner, PASSWORD, problems);
      page.navigate(url("/dispatch/plans/" + id));
      page.locator("#review-link").click();
      page.waitForURL("**/review");
      // the task beside its own source lines
      assertThat(page.locator("#t" + straw + " td.source").innerText())
          .contains("每年夏收、秋收期间实行网格化巡查")
          .contains("第 ");
      assertThat(page.locator("#t" + straw + " td.source").innerText())
          .doesNotContain("开展柴油货车路检路查");

      page.locator("#t" + straw + " summary").click();
      page.locator("#t" + straw + " button.merge").click();
      page.waitForSelector("#t" + diesel);
      assertThat(page.locator("#t" + straw).count()).isZero();
      assertThat(page.locator("#t" + diesel + " .task-text").innerText()).contains("秸秆综合利用");
      // the merged task's source now spans both tasks' lines
      assertThat(page.locator("#t" + diesel + " td.source").innerText())
          .contains("开展柴油货车路检路查", "每年夏收、秋收期间实行网格化巡查");

      assertThat(page.locator(".placeholder").allInnerTexts()).contains("【县名】");
      page.locator("form:has(.placeholder) input[name=value]").first().fill("示范县");
      page.locator("form:has(.placeholder) button").first().click();
      page.waitForSelector("table.history");
      assertThat(page.locator(".placeholder").count()).isZero();
      assertThat(page.locator("table.history").innerText()).contains("并入", "“【县名】”替换为“示范县”");

      page.navigate(url("/dispatch/plans/" + id + "/projects"));
      assertThat(page.locator("#project-map.leaflet-container").count()).isEqualTo(1);
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The demo's key projects as the responsible department's liaison sees them: an overdue
   * milestone's 逾期 tag sits on the milestone's line, after its date, and the form to mark it done
   * on a line below, so the tag overlaps no input.
   */
  @Test
  void anOverdueMilestonesTagDoesNotOverlapTheFormBelow() {
    String liaison = TestAlarms.unique("prm");
    long department =
        jdbc.sql("SELECT id FROM department WHERE name = '县住房和城乡建设局'").query(Long.class).single();
    users.insert(
        liaison,
        "联络员" + liaison,
        encoder.encode(PASSWORD),
        Optional.of(department),
        Optional.empty(),
        false,
        Set.of(Role.LIAISON));
    long demo =
        jdbc.sql("SELECT MIN(id) FROM dispatch_plan WHERE title LIKE" + " '示范县生态环境保护“十四五”规划实施方案%'")
            .query(Long.class)
            .single();
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, liaison, PASSWORD, problems);
      page.setViewportSize(1024, 768);
      page.navigate(url("/dispatch/plans/" + demo + "/projects"));
      Locator overdue = page.locator("ul.milestones li:has(.overdue)");
      assertThat(overdue.count()).as("the demo's overdue milestone (完工 2025-06-30)").isPositive();
      Locator item = overdue.first();
      BoundingBox date = item.locator(".milestone-due").boundingBox();
      BoundingBox tag = item.locator(".overdue").boundingBox();
      BoundingBox input = item.locator("form.milestone-done input[name=done]").boundingBox();
      // the tag after the date on the same line
      assertThat(tag.x).isGreaterThanOrEqualTo(date.x + date.width - 1);
      assertThat(Math.abs(tag.y - date.y)).isLessThan(date.height);
      // the form below the line, overlapping nothing of it
      assertThat(input.y).isGreaterThanOrEqualTo(tag.y + tag.height - 1);
    }
    assertThat(problems).isEmpty();
  }
}
