package org.qingshan.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.cli.Hj212CheckCommandTestSupport;

class Crc16Test {
  private static final byte[] ANNEX_A =
      ("QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;"
              + "CP=&&RtdInterval=30&&")
          .getBytes(StandardCharsets.US_ASCII);

  /** Bitwise Annex A algorithm, written out step by step as the standard describes it. */
  private static int annexA(byte[] data) {
    return Hj212CheckCommandTestSupport.annexA(data);
  }

  @Test
  void annexAWorkedExample() {
    assertThat(Crc16.format(Crc16.hj212(ANNEX_A))).isEqualTo("1C80");
  }

  @Test
  void modbusDiffersOnTheSameBytes() {
    assertThat(Crc16.format(Crc16.modbus(ANNEX_A, 0, ANNEX_A.length))).isEqualTo("0759");
  }

  @Test
  void tableFormAgreesWithBitwiseFormOnRandomInput() {
    Random r = new Random(42);
    for (int n = 0; n < 2000; n++) {
      byte[] b = new byte[r.nextInt(300)];
      r.nextBytes(b);
      assertThat(Crc16.hj212(b)).isEqualTo(annexA(b));
    }
  }

  @Test
  void formatIsUpperCaseAndZeroPadded() {
    assertThat(Crc16.format(0x0880)).isEqualTo("0880");
    assertThat(Crc16.format(0xabcd)).isEqualTo("ABCD");
  }

  @Test
  void parseHexAcceptsBothCases() {
    assertThat(Crc16.parseHex("7d00".getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(0x7D00);
    assertThat(Crc16.parseHex("7D0G".getBytes(StandardCharsets.US_ASCII), 0)).isEqualTo(-1);
  }

  @Test
  void swapBytes() {
    assertThat(Crc16.swapBytes(0x8106)).isEqualTo(0x0681);
  }
}
