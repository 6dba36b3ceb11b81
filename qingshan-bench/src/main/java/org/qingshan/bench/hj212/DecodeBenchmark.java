package org.qingshan.bench.hj212;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qingshan.hj212.codec.Crc16;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.FrameScanner;
import org.qingshan.hj212.codec.PacketDecoder;

/**
 * HJ 212 decoding on one thread over the real corpus (26 777 lines, 16 of them broken): full decode
 * with length and CRC check, fields and typed values. Scores are packets per second.
 *
 * <p>{@code packets}: each line handed to the decoder as a frame. {@code stream}: the files as one
 * byte stream cut by the frame scanner first (what the gateway does per connection).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// ZGC as `./qingshan serve` runs the gateway; G1 measured a few per cent slower
// (-jvmArgs "-Xms1g -Xmx1g -XX:+UseG1GC" measures that)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseZGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
  /** Lines in the corpus; scores are per line (packet). */
  static final int LINES = 26_777;

  private final PacketDecoder decoder = PacketDecoder.standard();
  private byte[][] packets;
  private ByteBuf stream;
  private FrameScanner scanner;

  @Setup(Level.Trial)
  public void load() {
    List<byte[]> lines = CorpusPackets.lines();
    if (lines.size() != LINES) {
      throw new IllegalStateException("corpus has " + lines.size() + " lines, expected " + LINES);
    }
    packets = lines.toArray(new byte[0][]);
    stream = Unpooled.wrappedBuffer(CorpusPackets.stream());
    scanner = new FrameScanner(9999);
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void packets(Blackhole bh) {
    for (byte[] p : packets) {
      DecodeResult r = decoder.decode(p);
      bh.consume(r);
    }
  }

  /** The CRC alone over each line's segment, for comparison. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int crcOnly() {
    int acc = 0;
    for (byte[] p : packets) {
      if (p.length > 10) {
        acc ^= Crc16.hj212(p, 6, p.length - 10);
      }
    }
    return acc;
  }

  @Benchmark
  @OperationsPerInvocation(LINES)
  public void stream(Blackhole bh) {
    stream.readerIndex(0);
    Optional<byte[]> c;
    while ((c = scanner.next(stream, true)).isPresent()) {
      bh.consume(decoder.decode(c.get()));
    }
  }
}
