package org.qingshan.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Skips a test class when there is no Chromium to drive. */
public final class ChromiumAvailable extends EnvironmentCondition {
  public static final Path CHROMIUM =
      Path.of(System.getProperty("qingshan.test.chromium", "/usr/bin/chromium"));

  ChromiumAvailable() {
    super("browser");
  }

  @Override
  Optional<String> missing() {
    return Files.isExecutable(CHROMIUM)
        ? Optional.empty()
        : Optional.of("Chromium is not installed at " + CHROMIUM);
  }
}
