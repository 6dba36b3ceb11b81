package org.qingshan.standards.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the markdown tables of {@code shared/reference/standards.md}, so that tests compare the
 * code with the reference text itself.
 */
public final class SharedReference {
  private SharedReference() {}

  public static Optional<Path> standardsFile() {
    return Stream.of(System.getProperty("qingshan.shared.dir", ""), "../shared", "../../shared")
        .filter(s -> !s.isBlank())
        .map(s -> Path.of(s, "reference", "standards.md"))
        .filter(Files::isRegularFile)
        .findFirst();
  }

  /** The standards reference, or the test is skipped. */
  public static List<String> standardsLines() {
    Optional<Path> file = standardsFile();
    assumeTrue(
        file.isPresent(),
        "shared/reference/standards.md not found (set -Dqingshan.shared.dir); skipping");
    try {
      return Files.readAllLines(file.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rows (cells trimmed, markdown bold removed) of the first table after the line that contains
   * {@code headingFragment}, header and separator excluded.
   */
  public static List<List<String>> tableAfter(String headingFragment) {
    List<String> lines = standardsLines();
    int i = 0;
    while (i < lines.size() && !lines.get(i).contains(headingFragment)) {
      i++;
    }
    assumeTrue(i < lines.size(), "heading not found in standards.md: " + headingFragment);
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    List<List<String>> rows = new ArrayList<>();
    i += 2; // header and separator
    while (i < lines.size() && lines.get(i).startsWith("|")) {
      String line = lines.get(i).trim();
      String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
      rows.add(Arrays.stream(cells).map(c -> c.replace("**", "").trim()).toList());
      i++;
    }
    return rows;
  }
}
