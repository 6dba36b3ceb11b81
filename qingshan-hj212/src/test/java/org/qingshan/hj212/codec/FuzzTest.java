package org.qingshan.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.packet.Packet;

/**
 * Random and mutated streams: nothing escapes as an exception, and every valid packet placed
 * between junk comes out intact.
 */
class FuzzTest {
  private static final List<String> VALID =
      List.of(
          "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80",
          "##0087QN=20160801085857534;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&5B40",
          "##0073ST=32;CN=8013;PW=123456;MN=ZG130182201205;Flag=0;CP=&&HeartbeatTime=120&&0500",
          "##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980",
          "##0144ST=32;CN=2021;PW=123456;MN=ZG130102201215;CP=&&DataTime=20160823235130;SB1-RS=0;SB2-RS=0;SB3-RS=0;SB4-RS=0;SB5-RS=0;SB6-RS=0;SB7-RS=0;SB8-RS=0&&0A00");
  private static final byte[] ALPHABET =
      "#0123456789ABCDEFabcdef;=,&-/QNSTCPWMFlag\r\n \0\u00ff"
          .getBytes(StandardCharsets.ISO_8859_1);

  private final PacketDecoder decoder = PacketDecoder.standard();

  private List<DecodeResult> scanAll(byte[] stream, Random random) {
    FrameScanner scanner = new FrameScanner(9999);
    ByteBuf buf = Unpooled.buffer();
    List<DecodeResult> out = new ArrayList<>();
    int pos = 0;
    while (pos < stream.length) {
      int n = Math.min(stream.length - pos, 1 + random.nextInt(200));
      buf.writeBytes(stream, pos, n);
      pos += n;
      Optional<byte[]> c;
      while ((c = scanner.next(buf, false)).isPresent()) {
        out.add(decoder.decode(c.get()));
      }
    }
    Optional<byte[]> c;
    while ((c = scanner.next(buf, true)).isPresent()) {
      out.add(decoder.decode(c.get()));
    }
    assertThat(buf.isReadable()).isFalse();
    buf.release();
    return out;
  }

  private static byte[] junk(Random r) {
    byte[] j = new byte[r.nextInt(40)];
    for (int i = 0; i < j.length; i++) {
      j[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    }
    return j;
  }

  @Test
  void randomBytesNeverThrow() {
    Random r = new Random(1);
    for (int i = 0; i < 300; i++) {
      byte[] b = new byte[r.nextInt(3000)];
      if (r.nextBoolean()) {
        r.nextBytes(b);
      } else {
        for (int k = 0; k < b.length; k++) {
          b[k] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
      }
      scanAll(b, r);
    }
  }

  @Test
  void everySingleByteChangeIsDetected() {
    int changes = 0;
    for (String original : VALID) {
      Packet expected =
          decoder.decode(original.getBytes(StandardCharsets.ISO_8859_1)).packet().orElseThrow();
      for (int at = 0; at < original.length(); at++) {
        for (byte replacement : ALPHABET) {
          byte[] p = original.getBytes(StandardCharsets.ISO_8859_1);
          if (p[at] == replacement) {
            continue;
          }
          p[at] = replacement;
          changes++;
          for (DecodeResult d : scanAll(p, new Random(at))) {
            // Only a CRC digit's case may change and leave the packet valid: the same packet.
            d.packet().ifPresent(pk -> assertThat(pk).isEqualTo(expected));
          }
        }
      }
    }
    assertThat(changes).isGreaterThan(10_000);
  }

  /**
   * The HJ 212 CRC carries only eight bits from one byte to the next (the register is shifted right
   * by eight before each byte), so it has 256 outcomes for a given last byte: about one random
   * multi-byte corruption in 256 passes it. What this test holds the decoder to is that rate, not
   * zero: TCP's own checksum and TLS are what protect a stream.
   */
  @Test
  void mutatedPacketsNeverThrowAndPassUnnoticedNoMoreOftenThanTheCrcAllows() {
    Random r = new Random(2);
    int packets = 20_000;
    int undetected = 0;
    for (int i = 0; i < packets; i++) {
      String original = VALID.get(r.nextInt(VALID.size()));
      Packet expected =
          decoder.decode(original.getBytes(StandardCharsets.ISO_8859_1)).packet().orElseThrow();
      byte[] p = original.getBytes(StandardCharsets.ISO_8859_1);
      int edits = 2 + r.nextInt(3);
      for (int e = 0; e < edits; e++) {
        p[r.nextInt(p.length)] = ALPHABET[r.nextInt(ALPHABET.length)];
      }
      for (DecodeResult d : scanAll(p, r)) {
        if (d.packet().isPresent() && !d.packet().get().equals(expected)) {
          undetected++;
        }
      }
    }
    assertThat((double) undetected / packets).isLessThan(2.0 / 256);
  }

  @Test
  void everyValidPacketEmbeddedInJunkIsRecovered() {
    Random r = new Random(3);
    for (int round = 0; round < 200; round++) {
      ByteArrayOutputStream s = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>();
      for (int k = 0; k < 20; k++) {
        byte[] j = junk(r);
        s.write(j, 0, j.length);
        String sep =
            switch (r.nextInt(3)) {
              case 0 -> "\r\n";
              case 1 -> "\n";
              default -> "";
            };
        s.write(sep.getBytes(StandardCharsets.ISO_8859_1), 0, sep.length());
        String p = VALID.get(r.nextInt(VALID.size()));
        expected.add(p);
        byte[] pb = p.getBytes(StandardCharsets.ISO_8859_1);
        s.write(pb, 0, pb.length);
      }
      List<String> recovered =
          scanAll(s.toByteArray(), r).stream()
              .flatMap(d -> d.packet().stream())
              .map(p -> p.rawText().orElseThrow())
              .toList();
      assertThat(recovered).containsSubsequence(expected);
    }
  }
}
