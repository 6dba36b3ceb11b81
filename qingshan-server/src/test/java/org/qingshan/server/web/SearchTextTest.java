package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {
  @Test
  void aSearchIsCutToItsFirstHundredCharacters() {
    assertThat(SearchText.of("污".repeat(300)).orElseThrow()).isEqualTo("污".repeat(100));
    // A character outside the basic plane counts once and is never split.
    assertThat(SearchText.of("𠀀".repeat(150)).orElseThrow()).isEqualTo("𠀀".repeat(100));
    assertThat(SearchText.of("  锅炉  ")).contains("锅炉");
    assertThat(SearchText.of("   ")).isEmpty();
  }
}
