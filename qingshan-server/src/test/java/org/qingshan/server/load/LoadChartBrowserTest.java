package org.qingshan.server.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.support.ChromiumAvailable;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.PollutionSources;
import org.qingshan.server.support.PollutionSources.Source;
import org.qingshan.server.support.TestEnvironment;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enterprise user opens 排放量 in Chromium: its own loads, drawn as a chart, no errors. */
@ExtendWith(ChromiumAvailable.class)
@DemoServerTest
class LoadChartBrowserTest {
  @LocalServerPort int port;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired DeviceRegistry devices;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;
  @Autowired EmissionLoads loads;

  @Test
  void theLoadsOfTheEnterpriseAreCharted() {
    TestEnvironment.requireOrSkip(
        "browser",
        Files.isExecutable(ChromiumAvailable.CHROMIUM),
        "Chromium is not installed at " + ChromiumAvailable.CHROMIUM);
    PollutionSources sources = new PollutionSources(enterprises, outlets, devices, users, jdbc);
    Source s = sources.create("图表热电", OutletKind.GAS);
    LocalDateTime start = loads.now().toLocalDate().withDayOfYear(1).atStartOfDay();
    for (int h = 0; h < 10; h++) {
      sources.hour(s.deviceId(), "a21026", start.plusHours(h), 100, "N");
      sources.hour(s.deviceId(), "a00000", start.plusHours(h), 50_000, "N");
    }
    List<String> problems = new ArrayList<>();
    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(ChromiumAvailable.CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu")));
        BrowserContext context = browser.newContext()) {
      Page page = context.newPage();
      page.onPageError(e -> problems.add("page error: " + e));
      page.onConsoleMessage(
          m -> {
            if ("error".equals(m.type())) {
              problems.add("console: " + m.text());
            }
          });
      String base = "http://127.0.0.1:" + port;
      page.navigate(base + "/login");
      page.getByLabel("用户名").fill(s.username());
      page.getByLabel("密码").fill(PollutionSources.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
      page.waitForURL(u -> !u.contains("/login"));
      String day = start.toLocalDate().toString();
      page.navigate(base + "/loads?granularity=HOUR&from=" + day + "&to=" + day);
      page.waitForSelector("#load-chart[data-rendered='10']");
      assertThat(page.locator("#load-table").innerText()).contains("50.000");
      assertThat(page.locator("#load-chart canvas").count()).isPositive();
    }
    assertThat(problems).isEmpty();
  }
}
