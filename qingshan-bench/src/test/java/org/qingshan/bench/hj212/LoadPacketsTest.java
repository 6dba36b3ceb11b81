package org.qingshan.bench.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CipherForm;
import org.qingshan.hj212.codec.DataAreaCipher;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Suffix;

class LoadPacketsTest {
  private static final LocalDateTime QN_BASE = LocalDateTime.of(2026, 11, 22, 10, 59, 59);
  private static final LocalDateTime DATA_BASE = LocalDateTime.of(2026, 11, 21, 23, 59, 58);

  @Test
  void everyPacketIsValidWithItsOwnQnAndTheDataTimeAsked() {
    LoadPackets packets = new LoadPackets(QN_BASE, DATA_BASE);
    byte[] mn = LoadPackets.ascii("LOADTEST0000000000000007");
    Set<String> qns = new HashSet<>();
    for (long i = 0; i < 2500; i++) {
      byte[] bytes = packets.packet(mn, i, i / 1000);
      DecodeResult r = PacketDecoder.standard().decode(bytes, 0, bytes.length - 2);
      assertThat(r.isValid()).as(new String(bytes, StandardCharsets.US_ASCII)).isTrue();
      Packet p = r.packet().orElseThrow();
      assertThat(p.cn()).isEqualTo("2011");
      assertThat(p.mn()).isEqualTo("LOADTEST0000000000000007");
      assertThat(p.replyRequested()).isTrue();
      assertThat(p.cp().dataTime()).hasValue(DATA_BASE.plusSeconds(i / 1000));
      assertThat(p.cp().readings()).hasSize(5);
      qns.add(p.qn().orElseThrow());
    }
    assertThat(qns).hasSize(2500).contains("20261122105959000", "20261122110001499");
  }

  @Test
  void poisonPacketsAreValidFramesThatEachCarryOneKindOfPoison() {
    LoadPackets packets = new LoadPackets(QN_BASE, DATA_BASE);
    byte[] mn = LoadPackets.ascii("LOADTEST0000000000000001");
    List<Packet> decoded = new ArrayList<>();
    for (long i = 0; i < 4; i++) {
      byte[] bytes = packets.poison(mn, i, 0);
      DecodeResult r = PacketDecoder.standard().decode(bytes, 0, bytes.length - 2);
      assertThat(r.isValid()).as(new String(bytes, StandardCharsets.US_ASCII)).isTrue();
      Packet p = r.packet().orElseThrow();
      assertThat(p.mn()).isEqualTo("LOADTEST0000000000000001");
      assertThat(p.replyRequested()).isTrue();
      assertThat(LoadPackets.qnOf(bytes)).isEqualTo(p.qn().orElseThrow());
      decoded.add(p);
    }
    assertThat(decoded.get(0).qn().orElseThrow()).hasSize(40).endsWith("20261122105959000");
    assertThat(decoded.get(1).cn()).isEqualTo("201100000");
    assertThat(decoded.get(2).cp().readings())
        .extracting(FactorReading::factor)
        .allMatch(f -> f.length() == 33);
    assertThat(decoded.get(3).cp().readings().get(0).value(Suffix.RTD)).hasValue(1e308);
  }

  @Test
  void aRunAgainstAnEmbeddedGatewayIsAnsweredInFull() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        LoadGenerator.run(
            List.of(
                "--embedded",
                "--connections",
                "20",
                "--rate",
                "400",
                "--duration",
                "2",
                "--warmup",
                "1"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("connected 20 of 20", "warm-up: sent 400, answered 400");
    assertThat(report).contains("sent 800 in", "answered 800", "errors 0", "stored=1200");
    assertThat(exit).isZero();
  }

  @Test
  void hj2122025PacketsEncryptedUnderTheKeyDecodeWithItAndOnlyWithIt() {
    Sm4Key key = Sm4Key.ofHex("5A3C19E07B42D8F16E2A905C4B7D13F8");
    LoadPackets plain = new LoadPackets(QN_BASE, DATA_BASE, true, Optional.empty());
    LoadPackets encrypted = new LoadPackets(QN_BASE, DATA_BASE, true, Optional.of(key));
    PacketDecoder withKey =
        new PacketDecoder(DecoderOptions.defaults().withDeviceKeys(DeviceKeys.everyDevice(key)));
    byte[] mn = LoadPackets.ascii("LOADTEST0000000000000003");
    for (long i = 0; i < 3000; i += 7) {
      byte[] p = plain.packet(mn, i, i / 100);
      byte[] e = encrypted.packet(mn, i, i / 100);
      assertThat(e).hasSameSizeAs(p).isNotEqualTo(p);
      // every whole block as the codec encrypts it: the same bytes
      assertThat(Arrays.copyOf(e, e.length - 2))
          .isEqualTo(
              DataAreaCipher.encrypt(Arrays.copyOf(p, p.length - 2), key, CipherForm.BINARY));
      assertThat(PacketDecoder.standard().decode(e, 0, e.length - 2).isValid()).isFalse();
      Packet decoded = withKey.decode(e, 0, e.length - 2).packet().orElseThrow();
      assertThat(decoded.flag().orElseThrow().version()).isEqualTo(ProtocolVersion.HJ_212_2025);
      assertThat(decoded.cp().dataTime()).hasValue(DATA_BASE.plusSeconds(i / 100));
      assertThat(decoded.cp().readings()).hasSize(5);
    }
  }

  @Test
  void anEncryptedRunAgainstAnEmbeddedGatewayIsAnsweredInFull() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        LoadGenerator.run(
            List.of(
                "--embedded",
                "--connections",
                "10",
                "--rate",
                "200",
                "--duration",
                "2",
                "--hj212-2025",
                "--sm4-key",
                "5A3C19E07B42D8F16E2A905C4B7D13F8"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("every device SM4-encrypted", "answered 400", "errors 0");
    assertThat(exit).isZero();
  }
}
