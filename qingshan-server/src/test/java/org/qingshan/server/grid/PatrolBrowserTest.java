package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.TestPhotos;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 巡查打卡 on a phone (390×844) in a real Chromium: the member's grid with its plan, the phone's
 * position, a photo taken, 发现问题 showing the case's fields, and the case opened at once; the page
 * fits the phone's width.
 */
class PatrolBrowserTest extends BrowserTestBase {
  @Autowired GridService grids;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired EnterpriseRepository enterprises;
  @Autowired JdbcClient jdbc;

  @Test
  void aGridMemberChecksInWithAPhotoAndAProblemOnAPhone() {
    GridTestData data = new GridTestData(grids, users, departments, enterprises);
    Grid grid = data.grid(GridTestData.unique("手机巡查网格"), 3, null, null, "");
    AppUser member = data.member(GridTestData.unique("手机网格员"));
    grids.addMember(grid.id(), member.username());
    var enterprise = data.enterprise(GridTestData.unique("手机巡查企业"), Optional.empty(), null, null);
    grids.addEnterprise(grid.id(), enterprise.id());

    List<String> problems = new ArrayList<>();
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setGeolocation(new Geolocation(36.5611, 115.7022))
                .setPermissions(List.of("geolocation")))) {
      Page page = login(context, member.username(), GridTestData.PASSWORD, problems);
      page.navigate(url("/m/patrol"));
      assertThat(page.locator("#my-grids").innerText()).contains(grid.name(), "每 2 天 1 次");
      assertThat(page.locator("#patrol-problem-fields").isVisible()).isFalse();

      page.locator("#patrol-locate").click();
      page.waitForFunction("document.getElementById('patrol-lat').value !== ''");
      assertThat(page.locator("#patrol-lat").inputValue()).isEqualTo("36.561100");
      assertThat(page.locator("#patrol-lng").inputValue()).isEqualTo("115.702200");

      page.locator("#patrol-photos")
          .setInputFiles(new FilePayload("现场.png", "image/png", TestPhotos.png(64, 48, "")));
      page.locator("#patrol-findings").fill("企业雨水排口有黄色废水流出");
      page.locator("#patrol-problem").check();
      assertThat(page.locator("#patrol-problem-fields").isVisible()).isTrue();
      page.locator("#patrol-case-type").selectOption("WATER");
      page.locator("#patrol-enterprise").selectOption(String.valueOf(enterprise.id()));
      assertThat(widthOverflow(page)).isLessThanOrEqualTo(0);

      page.locator("#patrol-submit").click();
      page.waitForSelector("#opened-case");
      assertThat(page.locator("p.notice").first().innerText()).contains("发现的问题已生成案件");
      assertThat(page.locator("#my-patrols").innerText()).contains("企业雨水排口有黄色废水流出");
      assertThat(widthOverflow(page)).isLessThanOrEqualTo(0);
    }
    assertThat(problems).isEmpty();

    Map<String, Object> c =
        jdbc.sql(
                "SELECT c.source, c.type, c.grid_id, c.lat, c.enterprise_id,"
                    + " (SELECT COUNT(*) FROM case_photo p WHERE p.case_id = c.id) AS photos"
                    + " FROM case_file c WHERE c.grid_id = :g")
            .param("g", grid.id())
            .query()
            .singleRow();
    assertThat(c.get("source")).isEqualTo("PATROL");
    assertThat(c.get("type")).isEqualTo("WATER");
    assertThat((Double) c.get("lat")).isEqualTo(36.5611);
    assertThat(((Number) c.get("enterprise_id")).longValue()).isEqualTo(enterprise.id());
    assertThat(((Number) c.get("photos")).intValue()).isEqualTo(1);
  }

  @Test
  void aDispatcherDrawsAGridByClickingItsCornersOnTheMap() {
    String name = GridTestData.unique("画图网格");
    List<String> problems = new ArrayList<>();
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
      Page page = login(context, "dispatcher", "qingshan2026", problems);
      page.navigate(url("/grids/new"));
      page.waitForSelector("#grid-map[data-loaded='true']");
      page.locator("input[name=name]").fill(name);
      page.locator("select[name=level]").selectOption("2");
      var map = page.locator("#grid-map");
      // clicks land only within the window: the whole map in view first
      map.scrollIntoViewIfNeeded();
      var box = map.boundingBox();
      double[][] clicks = {{0.3, 0.3}, {0.7, 0.3}, {0.7, 0.7}, {0.3, 0.7}, {0.5, 0.9}};
      for (double[] c : clicks) {
        page.mouse().click(box.x + box.width * c[0], box.y + box.height * c[1]);
      }
      assertThat(map.getAttribute("data-vertices")).isEqualTo("5");
      page.locator("#grid-undo").click();
      assertThat(map.getAttribute("data-vertices")).isEqualTo("4");
      assertThat(page.locator("#grid-points").innerText()).contains("4");
      assertThat(page.locator("#grid-geometry").inputValue()).contains("\"Polygon\"");
      page.locator("button[type=submit].primary").click();
      page.waitForURL(u -> u.matches(".*/grids/\\d+$"));
      page.waitForSelector("#grid-map[data-loaded='true']");
    }
    assertThat(problems).isEmpty();
    Grid g = grids.all().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    assertThat(g.level()).isEqualTo(2);
    GridGeometry area = GridGeometry.parse(g.geometry().orElseThrow());
    // four corners, closed: five positions
    assertThat(g.geometry().get().split("\\],\\[").length).isEqualTo(5);
    assertThat(area.area()).isPositive();
  }

  /** How far the page is wider than the phone's screen (0 or less: it fits). */
  private static int widthOverflow(Page page) {
    return ((Number)
            page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .intValue();
  }
}
