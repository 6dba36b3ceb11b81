package org.qingshan.hj212.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CipherForm;
import org.qingshan.hj212.codec.Crc16;
import org.qingshan.hj212.codec.DataAreaCipher;
import org.qingshan.hj212.codec.Sm4Key;

/** {@code hj212 check} on HJ 212-2025 packets: version, encrypted, resent, --sm4-key. */
class Hj212Check2025Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY_HEX =
      "30303030303030303030303030303030"; // the standard's test key

  /** Appendix A.2 example 4 of HJ 212-2025, plain. */
  private static final String EXAMPLE_4 =
      "##0234QN=20240520210700000;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=9;"
          + "CP=&&DataTime=20240520210600;a01011-Min=1.35,a01011-Avg=1.35,a01011-Max=1.35,"
          + "a01011-Flag=N;a01014-Min=3.20,a01014-Avg=3.20,a01014-Max=3.20,a01014-Flag=N&&B541";

  private record Run(int code, List<JsonNode> lines, String err) {}

  private static Run run(List<String> args, byte[] input) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Hj212CheckCommand.run(
            args,
            new ByteArrayInputStream(input),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!l.isEmpty()) {
        lines.add(JSON.readTree(l));
      }
    }
    return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
  }

  private static byte[] input() {
    byte[] plain = EXAMPLE_4.getBytes(StandardCharsets.US_ASCII);
    Sm4Key key = Sm4Key.ofHex(KEY_HEX);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(plain);
    in.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    in.writeBytes(DataAreaCipher.encrypt(plain, key, CipherForm.BINARY));
    in.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    in.writeBytes(DataAreaCipher.encrypt(plain, key, CipherForm.HEX_TEXT));
    in.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    String resent2017 =
        "QN=20240520210700000;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=5;RF=1;CP=&&&&";
    in.writeBytes(frame(resent2017));
    in.writeBytes(frame("ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&&&"));
    return in.toByteArray();
  }

  private static byte[] frame(String seg) {
    byte[] b = seg.getBytes(StandardCharsets.US_ASCII);
    return String.format("##%04d%s%04X\r\n", b.length, seg, Crc16.hj212(b))
        .getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void withTheKeyEncryptedPacketsAreDecryptedAndValid() throws IOException {
    Run r = run(List.of("--sm4-key", KEY_HEX), input());
    assertThat(r.code()).isZero();
    assertThat(r.lines()).hasSize(5);
    assertThat(r.lines()).extracting(j -> j.get("verdict").asText()).containsOnly("valid");
    assertThat(r.lines())
        .extracting(j -> j.get("encrypted").asBoolean())
        .containsExactly(false, true, true, false, false);
    assertThat(r.lines())
        .extracting(j -> j.get("version").asText())
        .containsExactly("2025", "2025", "2025", "2017", "2005");
    assertThat(r.lines())
        .extracting(j -> j.get("resent").asBoolean())
        .containsExactly(false, false, false, true, false);
    assertThat(r.lines().get(1).get("values").asInt()).isEqualTo(6);
  }

  @Test
  void withoutTheKeyOrWithAWrongOneEncryptedPacketsAreCrcErrors() throws IOException {
    for (List<String> args :
        List.of(List.<String>of(), List.of("--sm4-key", "31313131313131313131313131313131"))) {
      Run r = run(args, input());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.lines()).hasSize(5);
      assertThat(r.lines())
          .extracting(j -> j.get("verdict").asText() + ":" + j.get("reason").asText())
          .containsExactly("valid:null", "invalid:crc", "invalid:crc", "valid:null", "valid:null");
      JsonNode bad = r.lines().get(1);
      assertThat(bad.get("encrypted").asBoolean()).isTrue();
      assertThat(bad.get("version").asText()).isEqualTo("2025");
      assertThat(bad.get("mn").asText()).isEqualTo("010000A8900016F000169DC0");
      assertThat(bad.get("resent").asBoolean()).isFalse();
    }
  }

  @Test
  void aBadKeyIsAUsageErrorThatDoesNotEchoIt() throws IOException {
    Run r = run(List.of("--sm4-key", "secretsecret"), new byte[0]);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--sm4-key needs 32 hex digits").doesNotContain("secretsecret");
  }
}
