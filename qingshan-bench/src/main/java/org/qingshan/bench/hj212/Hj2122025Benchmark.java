package org.qingshan.bench.hj212;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qingshan.hj212.codec.CipherForm;
import org.qingshan.hj212.codec.DataAreaCipher;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;

/**
 * HJ 212-2025 against 2017 on one thread: the corpus's valid packets written once with a 2017 Flag
 * and once with a 2025 Flag (otherwise byte for byte the same), and the 2025 ones with their data
 * area SM4-encrypted, in the binary and in the {@code {0x..}} text form. Each invocation decodes
 * every packet of its set; the score times {@link #size} is packets per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseZGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Hj2122025Benchmark {
  private static final Sm4Key KEY = Sm4Key.ofHex("00112233445566778899AABBCCDDEEFF");

  private final PacketDecoder plain = PacketDecoder.standard();
  private final PacketDecoder withKeys =
      new PacketDecoder(DecoderOptions.defaults().withDeviceKeys(DeviceKeys.everyDevice(KEY)));
  private byte[][] v2017;
  private byte[][] v2025;
  private byte[][] encrypted;
  private byte[][] encryptedText;

  @Setup(Level.Trial)
  public void load() {
    List<byte[]> a = new ArrayList<>();
    List<byte[]> b = new ArrayList<>();
    List<byte[]> c = new ArrayList<>();
    List<byte[]> d = new ArrayList<>();
    for (byte[] line : CorpusPackets.lines()) {
      Optional<Packet> p = plain.decode(line).packet();
      if (p.isEmpty()) {
        continue;
      }
      boolean reply = p.get().replyRequested();
      byte[] f2017 =
          PacketEncoder.frame(p.get().toBuilder().flag(Flag.of(1, false, reply)).noSplit().build());
      byte[] f2025 =
          PacketEncoder.frame(p.get().toBuilder().flag(Flag.of(2, false, reply)).noSplit().build());
      a.add(f2017);
      b.add(f2025);
      c.add(DataAreaCipher.encrypt(f2025, KEY, CipherForm.BINARY));
      byte[] text = DataAreaCipher.encrypt(f2025, KEY, CipherForm.HEX_TEXT);
      d.add(text.length <= 9999 + 10 ? text : c.get(c.size() - 1));
    }
    v2017 = a.toArray(new byte[0][]);
    v2025 = b.toArray(new byte[0][]);
    encrypted = c.toArray(new byte[0][]);
    encryptedText = d.toArray(new byte[0][]);
    for (byte[] e : encrypted) {
      if (!withKeys.decode(e).isValid()) {
        throw new IllegalStateException("an encrypted packet does not decode");
      }
    }
  }

  /** Packets per set (printed once; multiply a score by it). */
  public int size() {
    return v2017.length;
  }

  private static void all(PacketDecoder decoder, byte[][] set, Blackhole bh) {
    for (byte[] p : set) {
      DecodeResult r = decoder.decode(p);
      bh.consume(r);
    }
  }

  @Benchmark
  public void plain2017(Blackhole bh) {
    all(plain, v2017, bh);
  }

  @Benchmark
  public void plain2025(Blackhole bh) {
    all(plain, v2025, bh);
  }

  /** 2025 plain packets through a decoder that has keys: a plain packet never tries one. */
  @Benchmark
  public void plain2025WithKeys(Blackhole bh) {
    all(withKeys, v2025, bh);
  }

  @Benchmark
  public void encrypted2025(Blackhole bh) {
    all(withKeys, encrypted, bh);
  }

  @Benchmark
  public void encrypted2025Text(Blackhole bh) {
    all(withKeys, encryptedText, bh);
  }
}
