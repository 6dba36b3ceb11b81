package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {
  private static final String PACKET =
      "##0060QN=1;ST=31;CN=2011;PW=secret;MN=1;Flag=5;CP=&&x=排口&&ABCD";

  @Test
  void aPacketInUtf8OrInGbkReadsAsTheDeviceWroteIt() {
    assertThat(RawText.of(PACKET.getBytes(StandardCharsets.UTF_8))).isEqualTo(PACKET);
    assertThat(RawText.of(PACKET.getBytes(Charset.forName("GBK")))).isEqualTo(PACKET);
    assertThat(RawText.of(null)).isNull();
  }

  @Test
  void thePasswordIsHiddenFromPeople() {
    assertThat(RawText.masked(PACKET)).contains("PW=******;").doesNotContain("secret");
  }
}
