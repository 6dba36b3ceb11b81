package org.qingshan.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tracking numbers: long, random, free of misread symbols, and read back as people type them. */
class TrackingNumbersTest {
  @Test
  void numbersAreSixteenSymbolsOfThirtyTwoWithoutLookAlikes() {
    assertThat(TrackingNumbers.ALPHABET).hasSize(32).doesNotContain("0", "1", "I", "O");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String n = TrackingNumbers.next();
      assertThat(n).hasSize(16).matches("[" + TrackingNumbers.ALPHABET + "]+");
      seen.add(n);
    }
    assertThat(seen).as("no repeats in 2000 (80 bits)").hasSize(2000);
  }

  @Test
  void numbersAreShownGroupedAndReadWithOrWithoutDashes() {
    String n = "7KQ3M9XD4HTP2WAB";
    assertThat(TrackingNumbers.grouped(n)).isEqualTo("7KQ3-M9XD-4HTP-2WAB");
    assertThat(TrackingNumbers.normalize("7kq3-m9xd 4htp-2wab")).contains(n);
    assertThat(TrackingNumbers.normalize(n)).contains(n);
    assertThat(TrackingNumbers.normalize("7KQ3-M9XD-4HTP-2WA")).isEmpty();
    assertThat(TrackingNumbers.normalize("7KQ3-M9XD-4HTP-2WA0")).as("0 is never used").isEmpty();
    assertThat(TrackingNumbers.normalize("' OR 1=1 --")).isEmpty();
    assertThat(TrackingNumbers.normalize(null)).isEmpty();
  }
}
