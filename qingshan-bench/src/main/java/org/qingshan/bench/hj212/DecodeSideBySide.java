package org.qingshan.bench.hj212;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Two or more builds of the decoder in one JVM, run in turns over the real corpus and timed by the
 * CPU time of the thread: on a shared machine the wall-clock score moves by ±10 % from one run to
 * the next, more than most changes to the decoder, while turns of a few hundred milliseconds see
 * the same machine. Each jar is a built {@code qingshan-hj212} jar, loaded in its own class loader.
 *
 * <pre>
 * java -cp qingshan-bench/target/benchmarks.jar org.qingshan.bench.hj212.DecodeSideBySide \
 *     old/qingshan-hj212.jar new/qingshan-hj212.jar
 * </pre>
 */
public final class DecodeSideBySide {
  private static final int TURNS = 30;
  private static final int WARM_UP_TURNS = 10;

  private DecodeSideBySide() {}

  /** The arguments, read by picocli. */
  @Command(name = "DecodeSideBySide")
  static final class Arguments {
    @Parameters(arity = "2..*", paramLabel = "JAR")
    List<Path> jars;
  }

  public static void main(String[] arguments) throws Throwable {
    Arguments a = new Arguments();
    try {
      new CommandLine(a).parseArgs(arguments);
    } catch (CommandLine.ParameterException e) {
      System.err.println(
          "DecodeSideBySide: " + e.getMessage() + "; usage: DecodeSideBySide JAR JAR [JAR...]");
      System.exit(2);
    }
    String[] args = a.jars.stream().map(Path::toString).toArray(String[]::new);
    byte[][] packets = CorpusPackets.lines().toArray(new byte[0][]);
    MethodHandle[] decode = new MethodHandle[args.length];
    for (int i = 0; i < args.length; i++) {
      decode[i] = decoder(Path.of(args[i]));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] rates = new double[args.length][TURNS];
    long sink = 0;
    for (int turn = -WARM_UP_TURNS; turn < TURNS; turn++) {
      for (int i = 0; i < args.length; i++) {
        long cpu = mx.getCurrentThreadCpuTime();
        for (int round = 0; round < 3; round++) {
          for (byte[] p : packets) {
            sink += ((Object) decode[i].invoke(p)).hashCode() & 1;
          }
        }
        if (turn >= 0) {
          rates[i][turn] = 3.0 * packets.length / ((mx.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
      }
    }
    for (int i = 0; i < args.length; i++) {
      double[] r = rates[i];
      Arrays.sort(r);
      System.out.printf(
          Locale.ROOT,
          "%s: median %,.0f packets per CPU-second (quartiles %,.0f – %,.0f)%n",
          args[i],
          r[TURNS / 2],
          r[TURNS / 4],
          r[3 * TURNS / 4]);
    }
    System.out.println("(checksum " + sink + ")");
  }

  /** {@code PacketDecoder.standard()::decode} of the jar, as {@code (byte[]) -> Object}. */
  private static MethodHandle decoder(Path jar) throws Throwable {
    // parent: this class's loader, for Netty; the decoder classes themselves come from the jar
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {jar.toUri().toURL()}, DecodeSideBySide.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.qingshan.hj212.")) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> c = findLoadedClass(name);
              if (c == null) {
                c = findClass(name);
              }
              return c;
            }
          }
        };
    Class<?> type = loader.loadClass("org.qingshan.hj212.codec.PacketDecoder");
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    Object decoder = lookup.findStatic(type, "standard", MethodType.methodType(type)).invoke();
    Class<?> result = loader.loadClass("org.qingshan.hj212.codec.DecodeResult");
    return lookup
        .findVirtual(type, "decode", MethodType.methodType(result, byte[].class))
        .bindTo(decoder)
        .asType(MethodType.methodType(Object.class, byte[].class));
  }
}
