package org.qingshan.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.BrowserTestBase;
import org.qingshan.server.support.HeadlessChromium;
import org.qingshan.server.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 随手拍 on a phone (390×844), without login: describe, add a photo, take the phone's position (or tap
 * the map), submit, read the tracking number and follow it.
 */
class ReportBrowserTest extends BrowserTestBase {
  @Autowired JdbcClient jdbc;

  private static Browser.NewContextOptions phone() {
    return new Browser.NewContextOptions()
        .setViewportSize(390, 844)
        .setIsMobile(true)
        .setHasTouch(true)
        .setGeolocation(new Geolocation(36.61, 115.72))
        .setPermissions(List.of("geolocation"));
  }

  @Test
  void aReportIsSubmittedOnAPhoneAndFollowedByItsNumber() {
    List<String> problems = new ArrayList<>();
    String text = "浏览器测试：村口小河漂着死鱼 " + System.nanoTime();
    try (BrowserContext context = browser.newContext(phone())) {
      Page page = HeadlessChromium.watchedPage(context, problems);
      page.navigate(url("/public/report"));
      page.waitForSelector("#report-map[data-outline-loaded=true]");
      page.locator("textarea[name=text]").fill(text);
      page.locator("select[name=type]").selectOption("WATER");
      page.locator("#report-photos")
          .setInputFiles(
              new FilePayload("死鱼.png", "image/png", TestPhotos.png(120, 90, "EXIF owner")));
      page.locator("#report-locate").click();
      page.waitForSelector("#report-map[data-pinned=true]");
      assertThat(page.locator("#report-lat").inputValue()).startsWith("36.61");
      assertThat(page.locator("#report-location-text").innerText()).contains("北纬 36.61000");
      page.locator("input[name=phone]").fill("13912345678");
      Object overflow =
          page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
      assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);

      page.locator("#report-submit").click();
      page.waitForSelector("#tracking-no");
      String no = page.locator("#tracking-no").innerText().trim();
      assertThat(no).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
      assertThat(page.content()).doesNotContain("13912345678");
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM public_report r JOIN case_photo p ON p.case_id ="
                          + " r.case_id WHERE r.tracking_no = :no AND r.text = :t AND r.lat = 36.61")
                  .param("no", no.replace("-", ""))
                  .param("t", text)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);

      page.navigate(url("/public/track"));
      page.locator("input[name=no]").fill(no.toLowerCase());
      page.locator("button[type=submit]").click();
      page.waitForSelector("#track-status");
      assertThat(page.locator("#track-status").innerText()).isEqualTo("待受理");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aTapOnTheMapSetsThePlace() {
    List<String> problems = new ArrayList<>();
    try (BrowserContext context = browser.newContext(phone())) {
      Page page = HeadlessChromium.watchedPage(context, problems);
      page.navigate(url("/public/report"));
      page.waitForSelector("#report-map[data-outline-loaded=true]");
      page.locator("#report-map").click();
      page.waitForSelector("#report-map[data-pinned=true]");
      double lat = Double.parseDouble(page.locator("#report-lat").inputValue());
      double lng = Double.parseDouble(page.locator("#report-lng").inputValue());
      assertThat(lat).as("inside the demo county").isBetween(36.38, 36.67);
      assertThat(lng).isBetween(115.38, 115.83);
    }
    assertThat(problems).isEmpty();
  }
}
