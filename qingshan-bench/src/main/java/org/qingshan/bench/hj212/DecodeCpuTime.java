package org.qingshan.bench.hj212;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.qingshan.hj212.codec.PacketDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Decode throughput per CPU-second of the decoding thread, over the real corpus: a companion of
 * {@link DecodeBenchmark} for shared machines, where other processes take the core away and a
 * wall-clock score says more about the neighbours than about the decoder.
 *
 * <pre>
 * java -cp qingshan-bench/target/benchmarks.jar org.qingshan.bench.hj212.DecodeCpuTime [rounds]
 * </pre>
 */
public final class DecodeCpuTime {
  private DecodeCpuTime() {}

  /** The arguments, read by picocli. */
  @Command(name = "DecodeCpuTime")
  static final class Arguments {
    @Parameters(arity = "0..1", defaultValue = "10", paramLabel = "ROUNDS")
    int rounds;
  }

  public static void main(String[] args) {
    Arguments a = new Arguments();
    try {
      new CommandLine(a).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println("DecodeCpuTime: " + e.getMessage() + "; usage: DecodeCpuTime [ROUNDS]");
      System.exit(2);
    }
    int rounds = a.rounds;
    List<byte[]> lines = CorpusPackets.lines();
    byte[][] packets = lines.toArray(new byte[0][]);
    PacketDecoder decoder = PacketDecoder.standard();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long valid = 0;
    for (int warm = 0; warm < 20; warm++) {
      for (byte[] p : packets) {
        valid += decoder.decode(p).isValid() ? 1 : 0;
      }
    }
    for (int r = 0; r < rounds; r++) {
      long cpu = mx.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int k = 0; k < 10; k++) {
        for (byte[] p : packets) {
          valid += decoder.decode(p).isValid() ? 1 : 0;
        }
      }
      double n = 10.0 * packets.length;
      double cpuSeconds = (mx.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %2d: %,.0f packets per CPU-second (%,.0f per wall second)%n",
          r + 1,
          n / cpuSeconds,
          n / wallSeconds);
    }
    System.out.println("valid decodes: " + valid);
  }
}
