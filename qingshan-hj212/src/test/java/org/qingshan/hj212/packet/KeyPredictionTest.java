package org.qingshan.hj212.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keys predicted from earlier packets decode exactly as keys found by scanning. */
class KeyPredictionTest {

  @Test
  void devicesWithDifferentKeyOrdersDecodeTheSame() {
    String a = "DataTime=20160824003817;S01-Rtd=1.5,S01-Flag=N;S02-Rtd=2,S02-Flag=D";
    String b = "DataTime=20160824003817;S01-Rtd=1.5,S01-Flag=N;S03-Rtd=3,S03-Flag=N";
    for (int i = 0; i < 5; i++) {
      DataArea x = DataArea.parse(i % 2 == 0 ? a : b).orElseThrow();
      assertThat(x.readings()).hasSize(2);
      assertThat(x.readings().get(1).factor()).isEqualTo(i % 2 == 0 ? "S02" : "S03");
      assertThat(x.readings().get(1).flagCode()).hasValue(i % 2 == 0 ? "D" : "N");
    }
  }

  @Test
  void aLeadingDashAtTheStartIsNotAFactorEvenWhenPredicted() {
    // in a packet the key starts after "CP=&&", so its dash counts and it trains the prediction
    byte[] packet = "CP=&&-Rtd=1&&".getBytes(StandardCharsets.US_ASCII);
    assertThat(CpParser.parse(packet, 5, 6).area().orElseThrow().readings()).hasSize(1);
    assertThat(DataArea.parse("-Rtd=1").orElseThrow().readings()).isEmpty();
  }
}
