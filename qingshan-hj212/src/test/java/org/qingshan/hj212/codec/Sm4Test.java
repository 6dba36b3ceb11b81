package org.qingshan.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.SharedData;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

/** SM4 of HJ 212-2025 data areas, with the vectors of GB/T 32907 A.1 and HJ 212-2025 A.2. */
class Sm4Test {
  private static final String MN = "010000A8900016F000169DC0";
  private static final Sm4Key TEST_KEY = Sm4Key.ofText("0000000000000000"); // 16 x 0x30

  /** A.2 example 4: 147-character region, 9 blocks and a plain tail {@code g=N}. */
  static final String EXAMPLE_4 =
      "##0234QN=20240520210700000;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=9;"
          + "CP=&&DataTime=20240520210600;a01011-Min=1.35,a01011-Avg=1.35,a01011-Max=1.35,"
          + "a01011-Flag=N;a01014-Min=3.20,a01014-Avg=3.20,a01014-Max=3.20,a01014-Flag=N&&B541";

  static final String EXAMPLE_4_CIPHER =
      "E43E159ACFAB242CB53155FB8B9281A1A242577ABFAED881BE88B72D69FC55ED1A80119FAAC8B3CD33D285CC"
          + "76F57F2CA7F88B9573C6647E0F07E24609BD6B63EB20C5B9784F28E71D2F4994FF61D9E13B391A1D2A45"
          + "4B65388D5D9435DBF021528C7BF9755EF16518710C0CAC0ADEF9C5156CD0A5A17674AC0ED2ABC40023E9"
          + "EF70128554B82438E91ADCE98A0D03A4";

  /** A.2 example 2: 208-character region, 13 whole blocks; the standard prints CRC 2200. */
  static final String EXAMPLE_2_REGION =
      "DataTime=20240520210600;a01011-Min=1.35,a01011-Avg=1.35,a01011-Max=1.35,a01011-Flag=N;"
          + "a01012-Min=9.3,a01012-Avg=9.3,a01012-Max=9.3,a01012-Flag=N;a01014-Min=3.20,"
          + "a01014-Avg=3.211,a01014-Max=3.212,a01014-Flag=N";

  static final String EXAMPLE_2_CIPHER =
      "E43E159ACFAB242CB53155FB8B9281A1A242577ABFAED881BE88B72D69FC55ED1A80119FAAC8B3CD33D285CC"
          + "76F57F2CA7F88B9573C6647E0F07E24609BD6B63EB20C5B9784F28E71D2F4994FF61D9E1C2B3075592B4"
          + "D1E09C4D8BB27BE97B559E3DA6643781A6F477769DEEB009B10DFFF3426922725D607DC4480F0CAC5F70"
          + "DB2587B124BCB281592721D6E4BC180A97E5E111499CBE822E31C8D7761553543AA24207C290997BBDE6"
          + "4F9266BC5F529A172E381C1D898CA1A0D771A914A7B2D7467C70B94F1D4A7B0350A48DBF8B41";

  private static final String HEADER =
      "QN=20240520210700000;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&";

  private final PacketDecoder withKey =
      new PacketDecoder(
          DecoderOptions.defaults().withDeviceKeys(DeviceKeys.of(Map.of(MN, TEST_KEY))));

  @Test
  void gbt32907AppendixA1() {
    byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    SM4Engine sm4 = new SM4Engine();
    sm4.init(true, new KeyParameter(key));
    byte[] block = key.clone();
    sm4.processBlock(block, 0, block, 0);
    assertThat(HexFormat.of().formatHex(block)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    block = key.clone();
    for (int i = 0; i < 1_000_000; i++) {
      sm4.processBlock(block, 0, block, 0);
    }
    assertThat(HexFormat.of().formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
  }

  @Test
  void example4BinaryFormEncryptsToTheStandardsBytesAndDecodes() {
    byte[] plain = EXAMPLE_4.getBytes(StandardCharsets.US_ASCII);
    byte[] wire = DataAreaCipher.encrypt(plain, TEST_KEY, CipherForm.BINARY);
    int cp = EXAMPLE_4.indexOf("CP=&&") + 5;
    assertThat(wire).hasSize(plain.length);
    assertThat(new String(wire, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("##0234");
    assertThat(HexFormat.of().withUpperCase().formatHex(wire, cp, cp + 144))
        .isEqualTo(EXAMPLE_4_CIPHER);
    assertThat(new String(wire, cp + 144, wire.length - cp - 144, StandardCharsets.US_ASCII))
        .isEqualTo("g=N&&B541");
    Packet p = withKey.decode(wire).packet().orElseThrow();
    assertThat(p.encrypted()).isTrue();
    assertThat(p.cp().reading("a01014").orElseThrow().value(Suffix.AVG)).hasValue(3.20);
    assertThat(p.cp().reading("a01014").orElseThrow().flagCode()).contains("N");
    assertThat(p.rawBytes()).isEqualTo(wire); // as received, for replay
  }

  @Test
  void example4TextFormAsTheStandardPrintsItDecodes() {
    String text = HEADER + "{" + hexList(EXAMPLE_4_CIPHER) + "}g=N&&";
    String wire = String.format("##%04d%sB541", text.length(), text);
    Packet p = withKey.decode(wire).packet().orElseThrow();
    assertThat(p.encrypted()).isTrue();
    assertThat(p.cp().readings()).hasSize(2);
    byte[] encoded =
        DataAreaCipher.encrypt(
            EXAMPLE_4.getBytes(StandardCharsets.US_ASCII), TEST_KEY, CipherForm.HEX_TEXT);
    assertThat(new String(encoded, StandardCharsets.US_ASCII)).isEqualTo(wire);
  }

  @Test
  void example2WholeBlocksMatchTheStandardsCiphertextInBothForms() {
    String seg = HEADER + EXAMPLE_2_REGION + "&&";
    assertThat(seg).hasSize(295);
    byte[] b = seg.getBytes(StandardCharsets.US_ASCII);
    String crc = Crc16.format(Crc16.hj212(b, 0, b.length));
    byte[] plain = ("##0295" + seg + crc).getBytes(StandardCharsets.US_ASCII);
    byte[] wire = DataAreaCipher.encrypt(plain, TEST_KEY, CipherForm.BINARY);
    int cp = 6 + HEADER.length();
    assertThat(HexFormat.of().withUpperCase().formatHex(wire, cp, cp + 208))
        .isEqualTo(EXAMPLE_2_CIPHER);
    assertThat(withKey.decode(wire).packet().orElseThrow().cp().valueCount()).isEqualTo(9);
    String text = HEADER + "{" + hexList(EXAMPLE_2_CIPHER) + "}&&";
    assertThat(text).hasSize(1128);
    Packet p =
        withKey
            .decode(String.format("##%04d%s%s", text.length(), text, crc))
            .packet()
            .orElseThrow();
    assertThat(p.cp().reading("a01014").orElseThrow().value(Suffix.MAX)).hasValue(3.212);
  }

  @Test
  void withoutKeyOrWithAWrongKeyAnEncryptedPacketIsACrcError() {
    byte[] wire =
        DataAreaCipher.encrypt(
            EXAMPLE_4.getBytes(StandardCharsets.US_ASCII), TEST_KEY, CipherForm.BINARY);
    DecodeError none = PacketDecoder.standard().decode(wire).error().orElseThrow();
    assertThat(none.kind()).isEqualTo(ErrorKind.CRC);
    assertThat(none.message()).contains("encrypted");
    PacketDecoder wrong =
        new PacketDecoder(
            DecoderOptions.defaults()
                .withDeviceKeys(DeviceKeys.of(Map.of(MN, Sm4Key.ofText("1111111111111111")))));
    assertThat(wrong.decode(wire).error().orElseThrow().kind()).isEqualTo(ErrorKind.CRC);
    // another device's key: a packet claiming this MN from a device that has another key
    PacketDecoder otherMn =
        new PacketDecoder(
            DecoderOptions.defaults().withDeviceKeys(DeviceKeys.of(Map.of("OTHER", TEST_KEY))));
    assertThat(otherMn.decode(wire).error().orElseThrow().kind()).isEqualTo(ErrorKind.CRC);
  }

  @Test
  void truncatedCiphertextIsRejectedNotDecoded() {
    String text = HEADER + "{" + hexList(EXAMPLE_4_CIPHER.substring(0, 60)) + "}g=N&&";
    DecodeResult r = withKey.decode(String.format("##%04d%sB541", text.length(), text));
    assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.CRC);
  }

  @Test
  void plainPacketsOfADeviceWithAKeyStillDecode() {
    Packet p = withKey.decode(EXAMPLE_4).packet().orElseThrow();
    assertThat(p.encrypted()).isFalse();
  }

  @Test
  void binaryCiphertextIsFramedByItsLengthDespiteLineEndsInside() {
    byte[] wire =
        DataAreaCipher.encrypt(
            EXAMPLE_4.getBytes(StandardCharsets.US_ASCII), TEST_KEY, CipherForm.BINARY);
    // the A.2 ciphertext holds CR or LF bytes, ';' and '&': scanning for them would cut it
    byte[] region = Arrays.copyOfRange(wire, 6 + HEADER.length(), wire.length - 6);
    assertThat(new String(region, StandardCharsets.ISO_8859_1)).containsAnyOf("\r", "\n", ";");
    ByteBuf in = Unpooled.buffer();
    FrameScanner scanner = new FrameScanner(9999);
    List<DecodeResult> out = new ArrayList<>();
    for (int rep = 0; rep < 3; rep++) {
      // byte by byte: the frame must wait for its length, not end at a line end inside
      for (byte x : wire) {
        in.writeByte(x);
        Optional<byte[]> f;
        while ((f = scanner.next(in, false)).isPresent()) {
          out.add(withKey.decode(f.get()));
        }
      }
      in.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    Optional<byte[]> f;
    while ((f = scanner.next(in, true)).isPresent()) {
      out.add(withKey.decode(f.get()));
    }
    assertThat(out).hasSize(3).allMatch(DecodeResult::isValid);
    in.release();
  }

  /**
   * The HJ 212 CRC matches about one ciphertext in 256 as sent (it keeps eight bits of history), so
   * some encrypted packets pass the CRC of their bytes: over the whole corpus converted to 2025 and
   * encrypted, each must still come out decrypted with its key and a crc error without it.
   */
  @Test
  void everyCorpusPacketEncryptedDecodesWithItsKeyAndIsACrcErrorWithout() throws IOException {
    Path dir = SharedData.require("hj212/corpus");
    PacketDecoder plain = PacketDecoder.standard();
    PacketDecoder keyed =
        new PacketDecoder(
            DecoderOptions.defaults().withDeviceKeys(DeviceKeys.everyDevice(TEST_KEY)));
    int checked = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> f.toString().endsWith(".h212")).sorted().toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        Optional<Packet> p = plain.decode(line).packet();
        if (p.isEmpty()) {
          continue;
        }
        byte[] v2025 =
            PacketEncoder.frame(
                p.get().toBuilder().flag(Flag.of(2, false, p.get().replyRequested())).build());
        for (CipherForm form : CipherForm.values()) {
          byte[] wire = DataAreaCipher.encrypt(v2025, TEST_KEY, form);
          if (wire.length > 9999 + 10 || Arrays.equals(wire, v2025)) {
            continue; // too long for the length field in text, or shorter than a block
          }
          DecodeResult r = keyed.decode(wire);
          assertThat(r.packet().map(Packet::cp)).as(line).contains(p.get().cp());
          assertThat(r.packet().orElseThrow().encrypted()).isTrue();
          assertThat(plain.decode(wire).error().map(DecodeError::kind))
              .as(line)
              .contains(ErrorKind.CRC);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(0);
  }

  @Test
  void keysAreRedactedAndChecked() {
    assertThat(TEST_KEY.toString()).doesNotContain("0000");
    assertThat(Sm4Key.ofHex("30303030303030303030303030303030")).isEqualTo(TEST_KEY);
    assertThatThrownBy(() -> Sm4Key.ofHex("3030")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sm4Key.ofHex("zz303030303030303030303030303030"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sm4Key.of(new byte[15])).isInstanceOf(IllegalArgumentException.class);
  }

  private static String hexList(String hex) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      s.append(i == 0 ? "" : ",").append("0x").append(hex, i, i + 2);
    }
    return s.toString();
  }
}
