package org.qingshan.plan;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;

/** Locates the shared plans (system property qingshan.shared.dir, else ../shared, ../../shared). */
public final class SharedPlans {

  private SharedPlans() {}

  public static Path plan(String fileName) {
    Optional<Path> dir =
        Stream.of(System.getProperty("qingshan.shared.dir"), "../shared", "../../shared")
            .filter(p -> p != null && !p.isBlank())
            .map(Paths::get)
            .filter(p -> Files.isRegularFile(p.resolve("plans").resolve(fileName)))
            .findFirst();
    assumeTrue(
        dir.isPresent(),
        "shared plans not found (set -Dqingshan.shared.dir or check out ../shared); skipping "
            + fileName);
    return dir.get().resolve("plans").resolve(fileName);
  }
}
