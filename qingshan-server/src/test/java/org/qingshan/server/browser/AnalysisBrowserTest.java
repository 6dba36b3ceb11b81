package org.qingshan.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.TestAlarms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 分析研判 in Chromium: the charts drawn, the heat map's markers at the cases' places; the duty log's
 * print button.
 */
class AnalysisBrowserTest extends BrowserTestBase {
  @Autowired CaseService cases;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void chartsAndTheHeatMapOfATownsCases() {
    String town = TestAlarms.unique("热力镇");
    long enterprise = new TestAlarms(jdbc).enterprise(TestAlarms.unique("热力化工"), town, "化学原料制造");
    UserDetails user = users.loadUserByUsername("dispatcher");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    for (int i = 0; i < 3; i++) {
      cases.open(
          NewCase.of("异味" + i, CaseType.ODOUR, CaseSource.INSPECTION, Severity.MINOR, "异味")
              .withEnterprise(enterprise));
    }
    cases.open(
        NewCase.of("河道垃圾", CaseType.WATER, CaseSource.PATROL, Severity.MINOR, "垃圾")
            .withEnterprise(
                new TestAlarms(jdbc).enterprise(TestAlarms.unique("河边食品"), town, "食品制造"))
            // the case's own position, not its enterprise's
            .withPlace(town + "河边", Optional.of(35.6), Optional.of(116.7)));
    SecurityContextHolder.clearContext();

    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext()) {
      Page page = login(context, "leader", "qingshan2026", problems);
      page.navigate(url("/analysis?town=" + URLEncoder.encode(town, StandardCharsets.UTF_8)));
      page.waitForSelector("#analysis-chart-month[data-rendered]");
      page.waitForSelector("#analysis-map[data-points-shown]");
      // the enterprise's three cases are one place; the case by the river is another
      assertThat(page.locator("#analysis-map").getAttribute("data-points-shown")).isEqualTo("2");
      assertThat(page.locator("#analysis-map path.leaflet-interactive").count())
          .isGreaterThanOrEqualTo(2);
      assertThat(page.locator("#analysis-chart-type canvas").count()).isPositive();

      page.navigate(url("/roster/log"));
      assertThat(page.locator("#duty-log-print").isVisible()).isTrue();
      page.emulateMedia(
          new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      // on paper: the log without the menu and the buttons
      assertThat(page.locator("nav#nav").isVisible()).isFalse();
      assertThat(page.locator("#duty-log-print").isVisible()).isFalse();
      assertThat(page.locator("#duty-log").isVisible()).isTrue();
    }
    assertThat(problems).isEmpty();
  }
}
