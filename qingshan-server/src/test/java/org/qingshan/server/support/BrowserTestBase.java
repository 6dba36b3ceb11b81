package org.qingshan.server.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: the demo server and a Chromium started once for the class (skipped where there is
 * none), with the server's addresses and a logged-in page at hand.
 */
@ExtendWith(ChromiumAvailable.class)
@DemoServerTest
public abstract class BrowserTestBase {
  protected static Browser browser;
  private static HeadlessChromium chromium;

  @LocalServerPort protected int port;

  @BeforeAll
  static void startBrowser() {
    chromium = HeadlessChromium.start();
    browser = chromium.browser();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
      chromium = null;
    }
  }

  protected String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A watched page (see {@link HeadlessChromium#watchedPage}) logged in at the login page. */
  protected Page login(
      BrowserContext context, String username, String password, List<String> problems) {
    Page page = HeadlessChromium.watchedPage(context, problems);
    page.navigate(url("/login"));
    HeadlessChromium.logIn(page, username, password);
    return page;
  }
}
