package org.qingshan.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.SharedData;

/** Every packet of shared/hj212/examples.txt gets the verdict written beside it. */
class ExamplesTest {

  @Test
  void verdictsOfThePublishedExamples() throws IOException {
    List<String> lines =
        Files.readAllLines(SharedData.require("hj212/examples.txt"), StandardCharsets.UTF_8);
    PacketDecoder decoder = PacketDecoder.standard();
    int checked = 0;
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      String verdict = line.substring(0, tab);
      DecodeResult r = decoder.decode(line.substring(tab + 1));
      String actual = r.isValid() ? "valid" : "invalid:" + r.error().orElseThrow().kind().code();
      assertThat(actual).as(line).isEqualTo(verdict);
      checked++;
    }
    assertThat(checked).isGreaterThan(30);
  }
}
