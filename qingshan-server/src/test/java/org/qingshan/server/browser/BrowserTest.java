package org.qingshan.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.HeadlessChromium;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;

/** A person at a real Chromium: logs in, opens every menu page of their role, logs out. */
class BrowserTest extends BrowserTestBase {
  @Autowired UserService users;

  private Page login(BrowserContext context, String username, List<String> problems) {
    Page page = HeadlessChromium.watchedPage(context, problems);
    page.navigate(url("/"));
    assertThat(page.url()).endsWith("/login");
    HeadlessChromium.logIn(page, username, "qingshan2026");
    return page;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"admin", "planner", "dispatcher", "liaison", "grid", "enterprise", "leader"})
  void eachRoleOpensEveryPageOfItsMenu(String username) {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, username, problems);
      Locator links = page.locator("nav#nav a");
      List<String> labels = links.allTextContents();
      assertThat(labels).contains("首页", "地图", "通讯录");
      for (String label : labels) {
        page.locator("nav#nav a", new Page.LocatorOptions().setHasText(label)).first().click();
        page.waitForLoadState();
        assertThat(page.locator("h1").textContent()).isEqualTo(label);
        assertThat(page.locator("nav#nav a.active").textContent()).isEqualTo(label);
        String text = page.locator("body").innerText();
        assertThat(text).doesNotContain("??").doesNotContain("Exception");
        if (label.equals("地图")) {
          page.waitForSelector("#map[data-loaded=true]");
          assertThat(page.locator("path.leaflet-interactive").count()).isGreaterThanOrEqualTo(5);
        }
        // the unit-count chart is the admin's; the leader's home shows the plans' overviews
        // (规划看板) with each plan's chapter chart
        if (label.equals("首页") && username.equals("admin")) {
          page.waitForSelector("#kind-chart[data-rendered=true]");
        }
        if (label.equals("首页") && username.equals("leader")) {
          page.waitForSelector(".plan-home-chart[data-rendered=true]");
          assertThat(page.locator(".plan-home-title").first().textContent()).contains("规划");
          assertThat(page.locator("#kind-chart").count()).isZero();
        }
        if (page.locator("a.export").count() > 0) {
          assertThat(page.locator("a.export").textContent()).isEqualTo("导出 Excel");
          assertThat(page.locator("form.search input").count()).isPositive();
        }
      }
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")).click();
      page.waitForURL("**/login?logout");
      assertThat(page.locator("body").innerText()).contains("您已安全退出");
    }
    assertThat(problems).isEmpty();
  }

  @Autowired DeviceRegistry registry;
  @Autowired DepartmentService departments;

  /** A device every role can see: under 青山镇, the grid member's town. */
  private Device outlet() {
    return registry
        .byMn(OUTLET_MN)
        .orElseGet(
            () ->
                registry.register(
                    new DeviceForm(
                        OUTLET_MN,
                        "pw-browser",
                        "32",
                        "浏览器测试排口",
                        DeviceKind.WASTE_WATER,
                        "测试企业",
                        departments.resolve("青山镇").map(d -> d.id()).orElse(null),
                        ProtocolVersion.HJ_212_2017,
                        CrcDialect.STRICT,
                        true,
                        115.6,
                        36.5)));
  }

  private static final String OUTLET_MN = "QSBROWSER0001";

  @ParameterizedTest
  @ValueSource(
      // The data scopes of the liaison (县住建局) and the enterprise do not reach a device of 青山镇.
      strings = {"admin", "planner", "dispatcher", "grid", "leader"})
  void eachRoleSeesOnlyTheDeviceActionsItMayTake(String username) {
    long id = outlet().id();
    boolean admin = username.equals("admin");
    boolean dispatches = admin || username.equals("dispatcher");
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, username, problems);
      page.navigate(url("/devices/" + id));
      page.waitForLoadState();
      assertThat(page.locator("h1").textContent()).contains("浏览器测试排口");
      assertThat(button(page, "封禁").count()).isEqualTo(admin ? 1 : 0);
      assertThat(page.locator("a", new Page.LocatorOptions().setHasText("编辑设备")).count())
          .isEqualTo(admin ? 1 : 0);
      assertThat(page.locator("#raw-download").count()).isEqualTo(admin ? 1 : 0);
      assertThat(page.locator("form[action$='/commands']").count()).isEqualTo(dispatches ? 1 : 0);
      // Every link the page offers opens for this role (no 403 among the responses).
      for (String href : internalLinks(page)) {
        page.navigate(url(href));
      }
      if (page.locator("nav#nav a").allTextContents().contains("部门管理")) {
        page.navigate(url("/departments"));
        assertThat(page.locator("a", new Page.LocatorOptions().setHasText("新增部门")).count())
            .isEqualTo(admin ? 1 : 0);
        assertThat(page.locator("a", new Page.LocatorOptions().setHasText("编辑")).count() > 0)
            .isEqualTo(admin);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void blockingADeviceAsksFirstAndCancellingKeepsItRunning() {
    Device device = outlet();
    List<String> problems = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, "admin", problems);
      page.navigate(url("/devices/" + device.id()));
      page.onceDialog(
          d -> {
            asked.add(d.message());
            d.dismiss();
          });
      button(page, "封禁").click();
      page.waitForLoadState();
      assertThat(asked).hasSize(1);
      assertThat(asked.get(0)).contains("浏览器测试排口", OUTLET_MN);
      assertThat(registry.byMn(OUTLET_MN).orElseThrow().blocked()).isFalse();

      page.onceDialog(d -> d.accept());
      button(page, "封禁").click();
      page.waitForURL(u -> true);
      page.waitForSelector("text=解除封禁");
      assertThat(registry.byMn(OUTLET_MN).orElseThrow().blocked()).isTrue();

      page.onceDialog(d -> d.accept());
      button(page, "解除封禁").click();
      page.waitForSelector("button:text-is('封禁')");
      assertThat(registry.byMn(OUTLET_MN).orElseThrow().blocked()).isFalse();
    }
    assertThat(problems).isEmpty();
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** The page's links to this server's pages, exports and downloads left out. */
  private static List<String> internalLinks(Page page) {
    List<String> hrefs = new ArrayList<>();
    for (Object h :
        (List<?>)
            page.evaluate(
                "() => Array.from(document.querySelectorAll('section a[href^=\"/\"]'))"
                    + ".map(a => a.getAttribute('href'))")) {
      String href = h.toString();
      if (!href.contains("export") && !href.contains("raw.txt")) {
        hrefs.add(href);
      }
    }
    return hrefs;
  }

  @Test
  void adminSeesTheAdminMenuAndALiaisonDoesNot() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      assertThat(login(context, "admin", problems).locator("nav#nav a").allTextContents())
          .contains("部门管理", "用户管理", "审计日志");
    }
    try (BrowserContext context = browser.newContext()) {
      assertThat(login(context, "liaison", problems).locator("nav#nav a").allTextContents())
          .doesNotContain("部门管理", "用户管理", "审计日志");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void gridMemberUsesItOnAPhone() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))) {
      Page page = login(context, "grid", problems);
      Locator nav = page.locator("nav#nav");
      assertThat(nav.isVisible()).isFalse();
      page.locator("button.menu-toggle").click();
      assertThat(nav.isVisible()).isTrue();
      nav.locator("a", new Locator.LocatorOptions().setHasText("通讯录")).click();
      page.waitForLoadState();
      assertThat(page.locator("h1").textContent()).isEqualTo("通讯录");
      // Nothing wider than the screen except the table, which scrolls inside itself.
      Object width = page.evaluate("() => document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
    }
    assertThat(problems).isEmpty();
  }

  /** A new user must change the password given to them, and is told it is changed. */
  @Test
  void changingThePasswordSaysSoAndTheNewOneLogsIn() {
    users.create(
        new UserForm("pwbrowser", "改密测试", null, "", EnumSet.of(Role.LEADER), true, "Start-2026-qs"),
        true);
    try (BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(url("/"));
      page.getByLabel("用户名").fill("pwbrowser");
      page.getByLabel("密码").fill("Start-2026-qs");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
      page.waitForURL(u -> u.contains("/account/password"));

      page.getByLabel("当前密码").fill("Start-2026-qs");
      page.getByLabel("新密码", new Page.GetByLabelOptions().setExact(true))
          .fill("Lvshui-Qingshan-88");
      page.getByLabel("再次输入新密码").fill("Lvshui-Qingshan-88");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
      page.waitForLoadState();

      assertThat(page.url()).doesNotContain("/login");
      assertThat(page.locator("body").innerText()).contains("密码已修改").doesNotContain("安全退出");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")).click();
      page.waitForURL("**/login?logout");
      HeadlessChromium.logIn(page, "pwbrowser", "Lvshui-Qingshan-88");
      assertThat(page.url()).doesNotContain("/account/password");
    }
  }
}
