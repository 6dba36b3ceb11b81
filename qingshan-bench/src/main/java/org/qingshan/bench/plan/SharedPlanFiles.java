package org.qingshan.bench.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shared plan files, found through the system property {@code qingshan.shared.dir} or {@code
 * shared}, {@code ../shared}, {@code ../../shared}.
 */
final class SharedPlanFiles {

  static final String[] NAMES = {
    "guanxian-2021-2025.txt", "dongchangfu-2021-2025.txt", "template-county-2018-2020.txt"
  };

  private SharedPlanFiles() {}

  static byte[] read(String name) {
    Path dir =
        Stream.of(System.getProperty("qingshan.shared.dir"), "shared", "../shared", "../../shared")
            .filter(p -> p != null && !p.isBlank())
            .map(Path::of)
            .filter(p -> Files.isRegularFile(p.resolve("plans").resolve(name)))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "shared plans not found: run from the repository or set -Dqingshan.shared.dir=PATH"));
    try {
      return Files.readAllBytes(dir.resolve("plans").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
