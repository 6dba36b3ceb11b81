package org.qingshan.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.Assignees;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.cases.StepInput;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The case loop at a real Chromium: a grid member handles a case on a phone with a photo and the
 * phone's position; a dispatcher turns an alarm into a case from the duty screen; a dispatcher
 * hands a case to a grid member and verifies it.
 */
class CaseBrowserTest extends BrowserTestBase {
  static final String PASSWORD = "qingshan2026";
  @Autowired JdbcClient jdbc;
  @Autowired DeviceRegistry registry;
  @Autowired CaseService cases;
  @Autowired Assignees assignees;
  @Autowired UserDetailsService users;

  void as(String username) {
    UserDetails user = users.loadUserByUsername(username);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  CaseFile opened(String title) {
    as("dispatcher");
    CaseFile c =
        cases.open(
            NewCase.of(title, CaseType.SOLID_WASTE, CaseSource.PATROL, Severity.MINOR, "路边倾倒建筑垃圾")
                .withPlace("青山镇东环路", Optional.of(35.52), Optional.of(116.61)));
    SecurityContextHolder.clearContext();
    return c;
  }

  /**
   * Asks the page until the script answers true: waitForFunction polls by eval, which the pages'
   * Content-Security-Policy forbids.
   */
  static void waitUntil(Page page, String script) {
    for (int i = 0; i < 100; i++) {
      if (Boolean.TRUE.equals(page.evaluate(script))) {
        return;
      }
      page.waitForTimeout(100);
    }
    throw new AssertionError("never true: " + script);
  }

  String status(long id) {
    return jdbc.sql("SELECT status FROM case_file WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  @Test
  void aGridMemberHandlesACaseOnAPhoneWithAPhotoAndThePhonesPosition() {
    CaseFile c = opened(TestAlarms.unique("倾倒垃圾"));
    as("dispatcher");
    cases.dispatch(c.id(), assignees.user("grid"), Optional.empty(), StepInput.text("请今日处理"));
    SecurityContextHolder.clearContext();

    List<String> problems = new ArrayList<>();
    Browser.NewContextOptions phone =
        new Browser.NewContextOptions()
            .setViewportSize(390, 844)
            .setIsMobile(true)
            .setHasTouch(true)
            .setGeolocation(new Geolocation(35.531, 116.622))
            .setPermissions(List.of("geolocation"));
    try (BrowserContext context = browser.newContext(phone)) {
      Page page = login(context, "grid", PASSWORD, problems);
      page.locator(".menu-toggle").click();
      page.locator("nav#nav a", new Page.LocatorOptions().setHasText("我的案件")).click();
      page.waitForSelector("#my-cases");
      page.locator("#my-cases a[data-case-no='" + c.caseNo() + "']").click();
      page.waitForSelector("#take");
      assertThat(page.locator("#case-status").innerText()).isEqualTo("已转办");
      assertThat(page.locator("#take").boundingBox().height)
          .as("a button a thumb can hit")
          .isGreaterThanOrEqualTo(44);
      page.locator("#take").click();
      page.waitForSelector("#handle-form");
      assertThat(page.locator("#case-status").innerText()).isEqualTo("处置中");

      page.locator("#handle-form textarea[name=text]").fill("已清运，现场恢复");
      page.locator("#handle-form input[type=file]")
          .setInputFiles(new FilePayload("现场.png", "image/png", TestPhotos.png(160, 120, "")));
      page.locator("#handle-form button.locate").click();
      waitUntil(page, "() => document.querySelector('#handle-form input[name=lat]').value !== ''");
      assertThat(page.locator("#handle-form input[name=lat]").inputValue()).startsWith("35.531");
      page.locator("#handle-submit").click();
      page.waitForSelector("#case-status:has-text('待核查')");
      assertThat(status(c.id())).isEqualTo("AWAITING_VERIFICATION");
      assertThat(page.locator("#case-timeline").innerText())
          .contains("签收", "办理反馈", "已清运，现场恢复", "35.531");
      waitUntil(
          page,
          "() => { const i = document.querySelector('#case-timeline img.thumb');"
              + " return !!i && i.complete && i.naturalWidth > 0; }");
      page.waitForSelector("#case-map[data-rendered]");
      Object overflow =
          page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
      assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
      assertThat(page.locator("#handle-form").count()).as("nothing more to send").isZero();
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aDispatcherTurnsAnAlarmIntoACaseFromTheDutyScreen() {
    TestAlarms fixtures = new TestAlarms(jdbc);
    String name = TestAlarms.unique("浏览器转案企业");
    long enterprise = fixtures.enterprise(name, "青山镇", "热电");
    long device = fixtures.device(enterprise, TestAlarms.unique("QSBRCASE"));
    registry.reload();
    long alarm = fixtures.alarm(device, "CRITICAL", "EXCEEDANCE", "浏览器转案二氧化硫超标");
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, "dispatcher", PASSWORD, problems);
      page.navigate(url("/duty"));
      String card = "article[data-id='" + alarm + "']";
      page.waitForSelector(card);
      page.locator(card + " button.to-case").click();
      page.waitForURL(Pattern.compile(".*/cases/\\d+$"));
      assertThat(page.locator(".notice").innerText()).isEqualTo("案件已登记");
      assertThat(page.locator(".case-facts").innerText()).contains(name, "在线监测异常", "紧急", "待受理");
      page.waitForSelector("#case-map[data-rendered='1']");
      String caseNo = page.locator("#case-no").innerText();

      page.navigate(url("/duty"));
      page.waitForSelector(card + " a.alarm-case-link");
      assertThat(page.locator(card + " a.alarm-case-link").innerText()).contains(caseNo);
      assertThat(page.locator(card + " button.to-case").count()).isZero();
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aDispatcherHandsACaseToAGridMemberAndVerifiesIt() {
    CaseFile c = opened(TestAlarms.unique("核查垃圾"));
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, "dispatcher", PASSWORD, problems);
      page.navigate(url("/cases?q=" + c.caseNo()));
      page.locator("a", new Page.LocatorOptions().setHasText(c.title())).click();
      page.waitForSelector("#step-accept");
      page.locator("#step-accept").click();
      page.waitForSelector("#case-status:has-text('已受理')");
      page.locator("#dispatch-user").selectOption("grid");
      page.locator("#step-dispatch").click();
      page.waitForSelector("#case-status:has-text('已转办')");
      assertThat(page.locator("#case-assignee").innerText()).contains("网格员 赵强");

      as("grid");
      cases.take(c.id(), StepInput.text(""));
      cases.handle(c.id(), StepInput.text("已清理完毕"));
      SecurityContextHolder.clearContext();

      page.reload();
      page.locator("form:has(#step-verify) textarea[name=text]").fill("经回访核实已清理");
      page.locator("#step-verify").click();
      page.waitForSelector("#case-status:has-text('已办结')");
      assertThat(status(c.id())).isEqualTo("CLOSED");
      assertThat(page.locator(".case-facts").innerText()).contains("经回访核实已清理");
      assertThat(page.locator("#step-verify").count()).isZero();
    }
    assertThat(problems).isEmpty();
  }
}
