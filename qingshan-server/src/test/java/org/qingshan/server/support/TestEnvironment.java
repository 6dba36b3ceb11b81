package org.qingshan.server.support;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (a PostgreSQL server, a Chromium) skip with a message
 * on a developer machine that lacks it, and fail in CI, where {@code .ci/run} sets the switch
 * {@code -Dqingshan.test.<name>=required}.
 */
public final class TestEnvironment {
  private TestEnvironment() {}

  public static boolean required(String name) {
    return "required".equalsIgnoreCase(System.getProperty("qingshan.test." + name, ""));
  }

  public static void requireOrSkip(String name, boolean available, String whatIsMissing) {
    if (available) {
      return;
    }
    String message =
        whatIsMissing
            + " — "
            + (required(name)
                ? "required here (-Dqingshan.test." + name + "=required)"
                : "skipped; run with -Dqingshan.test." + name + "=required to make it mandatory");
    if (required(name)) {
      fail(message);
    }
    System.out.println("SKIPPED: " + message);
    Assumptions.abort(message);
  }
}
