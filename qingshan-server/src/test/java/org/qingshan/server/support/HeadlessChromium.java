package org.qingshan.server.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The Chromium the browser tests drive, one per test class ({@code @BeforeAll} /
 * {@code @AfterAll}), and the steps every one of them takes: a page that collects what went wrong,
 * and logging in.
 */
public final class HeadlessChromium implements AutoCloseable {
  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Starts Chromium; skips the class where it is not installed (fails where it is required). */
  public static HeadlessChromium start() {
    TestEnvironment.requireOrSkip(
        "browser",
        Files.isExecutable(ChromiumAvailable.CHROMIUM),
        "Chromium is not installed at " + ChromiumAvailable.CHROMIUM);
    // the installed Chromium is used: Playwright must not fetch its own
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(ChromiumAvailable.CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    return new HeadlessChromium(playwright, browser);
  }

  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  /**
   * A new page that adds to {@code problems} every script error, error in the console and answer of
   * 400 or above, so that a test can require none.
   */
  public static Page watchedPage(BrowserContext context, List<String> problems) {
    Page page = context.newPage();
    page.onPageError(e -> problems.add("page error: " + e));
    page.onResponse(
        r -> {
          if (r.status() >= 400) {
            problems.add(r.status() + " " + r.url());
          }
        });
    page.onConsoleMessage(
        m -> {
          if ("error".equals(m.type())) {
            problems.add("console: " + m.text());
          }
        });
    return page;
  }

  /** Fills in the login form the page shows and waits until it has been left. */
  public static void logIn(Page page, String username, String password) {
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(u -> !u.contains("/login"));
  }
}
