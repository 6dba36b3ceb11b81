package org.qingshan.bench.hj212;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-traffic corpus of shared/hj212/corpus, found through the system property {@code
 * qingshan.shared.dir} or {@code ../shared} / {@code ../../shared}.
 */
final class CorpusPackets {
  private CorpusPackets() {}

  static Path corpusDir() {
    String prop = System.getProperty("qingshan.shared.dir");
    for (Path p :
        new Path[] {
          prop == null ? null : Path.of(prop),
          Path.of("shared"),
          Path.of("../shared"),
          Path.of("../../shared")
        }) {
      if (p != null && Files.isDirectory(p.resolve("hj212/corpus"))) {
        return p.resolve("hj212/corpus");
      }
    }
    throw new IllegalStateException(
        "HJ 212 corpus not found: run from the repository or set -Dqingshan.shared.dir=PATH");
  }

  /** Every corpus file's bytes, concatenated. */
  static byte[] stream() {
    try (Stream<Path> files = Files.list(corpusDir())) {
      List<Path> list = files.filter(f -> f.toString().endsWith(".h212")).sorted().toList();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Path f : list) {
        out.write(Files.readAllBytes(f));
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each line of the corpus as one packet (CR LF removed), junk lines included. */
  static List<byte[]> lines() {
    List<byte[]> out = new ArrayList<>();
    for (String line : new String(stream(), StandardCharsets.ISO_8859_1).split("\r?\n")) {
      if (!line.isEmpty()) {
        out.add(line.getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return out;
  }
}
