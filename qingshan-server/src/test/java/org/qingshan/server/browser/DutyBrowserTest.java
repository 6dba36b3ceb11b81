package org.qingshan.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.AlarmChanged;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The duty screen at a real Chromium: an alarm the engine announces appears without a reload and is
 * acknowledged with one click, also on a phone; an enterprise explains an alarm in its portal.
 */
class DutyBrowserTest extends BrowserTestBase {
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired DeviceRegistry registry;
  @Autowired UserService users;
  @Autowired EnterpriseRepository enterprises;

  @Test
  void anAlarmAppearsWithoutReloadAndIsAcknowledged() {
    checkDutyScreen(new Browser.NewContextOptions());
  }

  @Test
  void theDutyScreenWorksOnAPhone() {
    checkDutyScreen(
        new Browser.NewContextOptions()
            .setViewportSize(390, 844)
            .setIsMobile(true)
            .setHasTouch(true));
  }

  private void checkDutyScreen(Browser.NewContextOptions phoneOrDesk) {
    TestAlarms fixtures = new TestAlarms(jdbc);
    long enterprise =
        fixtures.enterprise(TestAlarms.unique("浏览器报警企业"), TestAlarms.unique("浏览器镇"), "热电");
    long device = fixtures.device(enterprise, TestAlarms.unique("QSBRDUTY"));
    registry.reload();
    fixtures.hourData(device, 400);
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext(phoneOrDesk)) {
      Page page = login(context, "dispatcher", "qingshan2026", problems);
      page.navigate(url("/duty"));
      page.waitForSelector("#duty[data-live=true]");
      assertThat(page.locator("#duty-sound").isChecked())
          .as("sound is off until asked for")
          .isFalse();
      page.locator("#duty-sound").check();

      long alarm = fixtures.alarm(device, "CRITICAL", "EXCEEDANCE", "浏览器测试二氧化硫超标");
      events.publishEvent(new AlarmChanged(alarm, AlarmStatus.OPEN, true));
      String card = "article[data-id='" + alarm + "']";
      page.waitForSelector(card);
      assertThat(page.locator(card).innerText()).contains("浏览器测试二氧化硫超标", "紧急", "520.5");

      page.locator(card + " summary").click();
      page.waitForSelector(card + " .alarm-chart[data-rendered=true]");

      page.locator(card + " button.acknowledge").click();
      page.waitForSelector(card + "[data-status=ACKNOWLEDGED]");
      assertThat(fixtures.status(alarm)).isEqualTo("ACKNOWLEDGED");
      assertThat(page.locator(card + " button.acknowledge").count()).isZero();

      Object overflow =
          page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
      assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);

      page.locator(card + " a.alarm-message").click();
      page.waitForSelector(".alarm-chart[data-rendered=true]");
      page.locator("textarea[name=note]").fill("已通知企业停炉检修");
      page.locator("#close-alarm").click();
      page.waitForSelector("#alarm-closed");
      assertThat(fixtures.status(alarm)).isEqualTo("CLOSED");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void anEnterpriseExplainsItsAlarmAndTheBureauReadsIt() {
    TestAlarms fixtures = new TestAlarms(jdbc);
    String name = TestAlarms.unique("浏览器说明企业");
    long enterprise = fixtures.enterprise(name, "青山镇", "水泥");
    long device = fixtures.device(enterprise, TestAlarms.unique("QSBREXP"));
    registry.reload();
    long alarm = fixtures.alarm(device, "MAJOR", "EXCEEDANCE", "窑尾颗粒物超标");
    String username = TestAlarms.unique("entbr");
    String password = "Browser-2026-qs";
    long userId =
        users
            .create(
                new UserForm(
                    username, "水泥厂环保员", null, "", EnumSet.of(Role.ENTERPRISE), true, password),
                false)
            .id();
    enterprises.setEnterpriseOfUser(userId, enterprise);

    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, username, password, problems);
      page.locator("nav#nav a", new Page.LocatorOptions().setHasText("企业端")).click();
      page.waitForSelector("#portal-enterprise");
      assertThat(page.locator("#portal-enterprise").textContent()).isEqualTo(name);
      page.locator("a", new Page.LocatorOptions().setHasText("窑尾颗粒物超标")).first().click();
      page.waitForSelector("#explain");
      page.locator("#explain textarea[name=text]").fill("窑尾除尘器清灰故障，已于当日修复");
      page.locator("#explain input[type=file]")
          .setInputFiles(
              new FilePayload(
                  "维修记录.png",
                  "image/png",
                  new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0}));
      page.locator("#explain button[type=submit]").click();
      page.waitForSelector("text=说明已提交");
      assertThat(page.locator(".explanation").innerText()).contains("清灰故障", "维修记录.png");
    }
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, "dispatcher", "qingshan2026", problems);
      page.navigate(url("/duty/alarms/" + alarm));
      assertThat(page.locator(".explanation").innerText()).contains("清灰故障", "维修记录.png", username);
      page.navigate(url("/duty"));
      page.waitForSelector("article[data-id='" + alarm + "'] .explained");

      page.navigate(url("/map"));
      page.waitForSelector("#map[data-loaded=true]");
      assertThat(Integer.parseInt(page.locator("#map").getAttribute("data-layer-features")))
          .as("the enterprises of the alarm layer")
          .isPositive();
    }
    assertThat(problems).isEmpty();
  }
}
