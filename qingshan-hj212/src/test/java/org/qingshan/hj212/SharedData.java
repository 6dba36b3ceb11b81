package org.qingshan.hj212;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Locates the shared reference folder beside the repository; tests skip when it is absent. */
public final class SharedData {
  private SharedData() {}

  public static Optional<Path> dir() {
    String prop = System.getProperty("qingshan.shared.dir");
    return Stream.of(
            prop == null ? null : Path.of(prop), Path.of("../shared"), Path.of("../../shared"))
        .filter(p -> p != null && Files.isDirectory(p.resolve("hj212")))
        .findFirst();
  }

  /** The path under shared/, or skips the test. */
  public static Path require(String relative) {
    Optional<Path> d = dir();
    assumeTrue(d.isPresent(), "shared/ reference folder not found: test skipped");
    Path p = d.get().resolve(relative);
    assumeTrue(Files.exists(p), relative + " not found in shared/: test skipped");
    return p;
  }
}
