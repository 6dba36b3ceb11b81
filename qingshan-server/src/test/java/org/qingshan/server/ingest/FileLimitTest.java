package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gateway's connections against the open-file limit. */
class FileLimitTest {
  @Test
  void theDefaultFitsTheCommonLimitAndTheOldDefaultDidNot() {
    assertThat(FileLimit.fits(10_000, 20_000)).isTrue();
    assertThat(FileLimit.fits(20_000, 20_000)).isFalse();
    assertThat(FileLimit.fits(10_000, 1024)).isFalse();
  }

  @Test
  void thisProcessHasALimitOnUnix() {
    if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertThat(FileLimit.ofThisProcess()).isPresent();
    }
  }
}
