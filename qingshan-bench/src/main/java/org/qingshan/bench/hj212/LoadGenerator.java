package org.qingshan.bench.hj212;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.gateway.DeviceAuthenticator;
import org.qingshan.hj212.gateway.GatewayConfig;
import org.qingshan.hj212.gateway.GatewayListener;
import org.qingshan.hj212.gateway.GatewayStats;
import org.qingshan.hj212.gateway.Hj212Gateway;
import org.qingshan.hj212.gateway.StoreResult;
import org.qingshan.hj212.netty.Hj212FrameDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * HJ 212 load generator: N device connections send real-time data (Flag=5, answer wanted) at R
 * packets per second in total for D seconds against a gateway on this machine, and check that every
 * packet gets its 9014. Prints throughput, answer latency percentiles (from the intended send time,
 * so a stalled gateway is not hidden) and errors.
 *
 * <pre>
 * java -cp qingshan-bench/target/benchmarks.jar org.qingshan.bench.hj212.LoadGenerator \
 *     --port 9212 --connections 1000 --rate 5000 --duration 30
 * java -cp ... LoadGenerator --embedded --connections 5000 --rate 50000 --duration 60
 * </pre>
 *
 * {@code --embedded} starts a gateway in this process with a store that confirms at once, and also
 * prints the gateway's counters and heap. {@code --warmup S} first runs S seconds at the same rate
 * with DataTimes a day earlier (so the measured packets are new to the store) and measures after.
 * All connections share one event loop thread, which also builds and sends the packets ({@link
 * LoadRun}): the generator shares this machine's two cores with the gateway it measures.
 */
public final class LoadGenerator {
  static final int MAX_CONNECTIONS = 15_000;
  static final int MAX_SECONDS = 600;
  static final int MAX_RATE = 500_000;

  /** Packets sent and not yet answered beyond which sending waits (the gateway is behind). */
  static final int MAX_IN_FLIGHT = 50_000;

  static final String USAGE =
      "usage: LoadGenerator [--host 127.0.0.1] [--port 9212 | --embedded] [--connections N]"
          + " [--rate PACKETS_PER_S] [--duration S] [--warmup S] [--poison N]"
          + " [--junk N [--junk-rate BYTES_PER_S] [--junk-kind repeat|random]]"
          + " [--hj212-2025 [--sm4-key HEX32]]";

  private LoadGenerator() {}

  record Settings(
      String host,
      int port,
      boolean embedded,
      int connections,
      int rate,
      int seconds,
      int warmupSeconds,
      int poison,
      int junk,
      int junkRate,
      JunkFlood.Kind junkKind,
      LoadPackets.Format format) {}

  public static void main(String[] args) throws Exception {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the load; returns 0 when every packet was answered, 1 on errors, 2 on bad usage. */
  public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Optional<Settings> parsed = parse(args, err);
    if (parsed.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    Settings s = parsed.get();
    Hj212Gateway gateway = null;
    LongAdder stored = new LongAdder();
    int port = s.port();
    if (s.embedded()) {
      gateway =
          Hj212Gateway.start(
              GatewayConfig.builder()
                  .host("127.0.0.1")
                  .port(0)
                  .maxConnections(MAX_CONNECTIONS + 1100)
                  // every load connection comes from 127.0.0.1
                  .maxConnectionsPerAddress(MAX_CONNECTIONS + 1100)
                  .connectionRate(1e6, 1_000_000)
                  .deviceRate(1e6, 1_000_000)
                  .ioThreads(1)
                  .deviceKeys(
                      s.format().key().map(DeviceKeys::everyDevice).orElse(DeviceKeys.none()))
                  .build(),
              p -> {
                stored.increment();
                return CompletableFuture.completedFuture(StoreResult.STORED);
              },
              DeviceAuthenticator.ACCEPT_ALL,
              GatewayListener.NONE);
      port = gateway.port();
    }
    try {
      return load(s, port, out) ? 0 : 1;
    } finally {
      if (gateway != null) {
        GatewayStats g = gateway.stats();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf(
            Locale.ROOT,
            "gateway: packets=%d stored=%d answers=%d invalid=%d junk-closed=%d"
                + " backpressure-pauses=%d rate-limited=%d heap-used-after-gc=%d MB (max %d MB)%n",
            g.packets(),
            g.stored(),
            g.answers(),
            g.invalid(),
            g.junkClosed(),
            g.backpressurePauses(),
            g.rateLimited(),
            (rt.totalMemory() - rt.freeMemory()) >> 20,
            rt.maxMemory() >> 20);
        gateway.close();
      }
    }
  }

  private static boolean load(Settings s, int port, PrintStream out) throws Exception {
    EventLoopGroup group = new NioEventLoopGroup(1);
    EventLoopGroup junkGroup = new NioEventLoopGroup(1);
    try {
      long t0 = System.nanoTime();
      Bootstrap bootstrap =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
      List<Channel> channels = new ArrayList<>(s.connections());
      List<LoadConnection> connections = new ArrayList<>(s.connections());
      int failedConnects = 0;
      LoadCounters[] current = {new LoadCounters()};
      LoadCounters[] poisoned = {new LoadCounters()};
      for (int first = 0; first < s.connections(); first += 500) {
        List<ChannelFuture> batch = new ArrayList<>();
        List<LoadConnection> handlers = new ArrayList<>();
        for (int i = first; i < Math.min(s.connections(), first + 500); i++) {
          LoadConnection handler =
              i < s.poison()
                  ? new LoadConnection(() -> poisoned[0], true)
                  : new LoadConnection(() -> current[0]);
          handlers.add(handler);
          batch.add(
              bootstrap
                  .clone()
                  .handler(
                      new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                          ch.pipeline()
                              .addLast(new Hj212FrameDecoder(PacketDecoder.standard()), handler);
                        }
                      })
                  .connect(s.host(), port));
        }
        for (int i = 0; i < batch.size(); i++) {
          ChannelFuture f = batch.get(i).awaitUninterruptibly();
          if (f.isSuccess()) {
            channels.add(f.channel());
            connections.add(handlers.get(i));
          } else {
            failedConnects++;
          }
        }
      }
      out.printf(
          Locale.ROOT,
          "connected %d of %d in %.1f s%n",
          channels.size(),
          s.connections(),
          (System.nanoTime() - t0) / 1e9);
      if (channels.isEmpty()) {
        return false;
      }
      // The measured run's DataTimes end now: the store refuses data times far ahead of its clock.
      long span = (long) s.rate() * s.seconds() / channels.size() + 1;
      LocalDateTime now =
          LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).minusSeconds(span);
      if (s.warmupSeconds() > 0) {
        // The server's JIT compiles during the warm-up; its DataTimes end a day before the
        // measured run's begin, so the measured packets are new to the store.
        out.printf(Locale.ROOT, "warm-up: %d s at the same rate%n", s.warmupSeconds());
        current[0] = new LoadCounters();
        long warmupSpan = (long) s.rate() * s.warmupSeconds() / channels.size() + 1;
        LoadRun warmup =
            new LoadRun(
                s.rate(),
                s.warmupSeconds(),
                channels,
                connections,
                current[0],
                now.minusDays(1).minusSeconds(warmupSpan),
                s.format());
        warmup.drive(group.next(), false, new PrintStream(OutputStream.nullOutputStream()));
        out.printf(
            Locale.ROOT,
            "warm-up: sent %d, answered %d%n",
            current[0].sent.sum(),
            current[0].answered.sum());
      }
      current[0] = new LoadCounters();
      poisoned[0] = new LoadCounters();
      LoadRun run =
          new LoadRun(s.rate(), s.seconds(), channels, connections, current[0], now, s.format());
      Optional<JunkFlood> junk = Optional.empty();
      if (s.junk() > 0) {
        junk =
            Optional.of(
                new JunkFlood(junkGroup, s.host(), port, s.junk(), s.junkRate(), s.junkKind()));
        junk.get().start();
      }
      Optional<MachineCpu.Sample> cpuBefore = MachineCpu.now();
      boolean answered = run.drive(group.next(), s.warmupSeconds() == 0, out);
      Optional<MachineCpu.Sample> cpuAfter = MachineCpu.now();
      junk.ifPresent(JunkFlood::stop);
      junk.ifPresent(
          j ->
              out.printf(
                  Locale.ROOT,
                  "junk (%s) during the measured run: %d connections, %d bytes sent"
                      + " (%.0f kB/s), %d connections opened, %d closed by the gateway%n",
                  s.junkKind().name().toLowerCase(Locale.ROOT),
                  s.junk(),
                  j.bytesSent.sum(),
                  j.bytesSent.sum() / 1000.0 / run.sendingSeconds(),
                  j.connectionsOpened.sum(),
                  j.closedByGateway.sum()));
      boolean clean = report(s, channels.size(), failedConnects, run, poisoned[0].sent.sum(), out);
      if (s.poison() > 0) {
        LoadCounters p = poisoned[0];
        out.printf(
            Locale.ROOT,
            "poisoning devices %d (not in the figures above): sent %d, answered %d, no answer %d%n",
            s.poison(),
            p.sent.sum(),
            p.answered.sum(),
            p.noAnswer.sum());
      }
      if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
        out.println(
            "machine CPU during the run (every process and the kernel's network work): "
                + cpuAfter.get().usedSince(cpuBefore.get()));
      }
      return answered & clean;
    } finally {
      junkGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }

  private static boolean report(
      Settings s,
      int connected,
      int failedConnects,
      LoadRun run,
      long poisonSent,
      PrintStream out) {
    LoadCounters c = run.counters();
    Histogram latency = run.latency();
    double seconds = run.sendingSeconds();
    long total = (long) s.rate() * s.seconds() - poisonSent;
    out.printf(
        Locale.ROOT,
        "connections %d, target %d packets/s for %d s (%s)%n",
        connected,
        s.rate(),
        s.seconds(),
        s.format().describe());
    out.printf(
        Locale.ROOT,
        "sent %d in %.1f s = %.0f packets/s; answered %d in %.1f s (%.0f/s)%n",
        c.sent.sum(),
        seconds,
        c.sent.sum() / seconds,
        c.answered.sum(),
        run.answeringSeconds(),
        c.answered.sum() / run.answeringSeconds());
    out.printf(
        Locale.ROOT,
        "answer latency ms (%s): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        s.warmupSeconds() > 0
            ? "every packet, after the warm-up"
            : "after the first quarter, at most 5 s, of warm-up",
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(90) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0,
        latency.getValueAtPercentile(99.9) / 1000.0,
        latency.getMaxValue() / 1000.0);
    long errors =
        c.noAnswer.sum() + c.wrongAnswers.sum() + failedConnects + c.closedConnections.sum();
    out.printf(
        Locale.ROOT,
        "errors %d: no answer %d, wrong answer %d, failed connects %d, connections closed %d;"
            + " answers after the 10 s timeout or to warm-up packets %d%n",
        errors,
        c.noAnswer.sum(),
        c.wrongAnswers.sum(),
        failedConnects,
        c.closedConnections.sum(),
        c.lateAnswers.sum());
    if (c.sent.sum() < total) {
      out.printf(
          Locale.ROOT,
          "only %d of %d packets sent: the gateway fell behind (at most %d in flight)%n",
          c.sent.sum(),
          total,
          MAX_IN_FLIGHT);
    }
    return errors == 0 && c.answered.sum() == c.sent.sum() && c.sent.sum() == total;
  }

  /** The flags, read by picocli. */
  @Command(name = "LoadGenerator")
  static final class Flags {
    @Option(names = "--host")
    String host = "127.0.0.1";

    @Option(names = "--port")
    int port = GatewayConfig.DEFAULT_PORT;

    @Option(names = "--embedded")
    boolean embedded;

    @Option(names = "--connections")
    int connections = 100;

    @Option(names = "--rate")
    int rate = 1000;

    @Option(names = "--duration")
    int seconds = 10;

    @Option(names = "--warmup")
    int warmup;

    @Option(names = "--poison")
    int poison;

    @Option(names = "--junk")
    int junk;

    @Option(names = "--junk-rate")
    int junkRate = 300_000;

    @Option(names = "--junk-kind")
    String junkKind = "repeat";

    @Option(names = "--hj212-2025")
    boolean hj2122025;

    @Option(names = "--sm4-key")
    String sm4Key = "";
  }

  static Optional<Settings> parse(List<String> args, PrintStream err) {
    Flags f = new Flags();
    try {
      new CommandLine(f).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      err.println("error: " + e.getMessage());
      return Optional.empty();
    }
    if (!f.host.equals("127.0.0.1") && !f.host.equals("localhost") && !f.host.equals("::1")) {
      err.println("error: the load generator only targets this machine (127.0.0.1)");
      return Optional.empty();
    }
    if (f.connections < 1
        || f.connections > MAX_CONNECTIONS
        || f.rate < 1
        || f.rate > MAX_RATE
        || f.seconds < 1
        || f.seconds > MAX_SECONDS
        || f.warmup < 0
        || f.warmup > MAX_SECONDS
        || f.poison < 0
        || f.poison >= f.connections
        || f.junk < 0
        || f.junk > 1000
        || f.junkRate < 1
        || f.junkRate > 100_000_000
        || !(f.junkKind.equals("repeat") || f.junkKind.equals("random"))) {
      err.printf(
          "error: connections 1..%d, rate 1..%d, duration 1..%d s, warm-up 0..%d s,"
              + " poisoning devices fewer than the connections, junk connections 0..1000 at"
              + " 1..100000000 bytes/s, junk kind repeat or random%n",
          MAX_CONNECTIONS, MAX_RATE, MAX_SECONDS, MAX_SECONDS);
      return Optional.empty();
    }
    Optional<Sm4Key> key = Optional.empty();
    if (!f.sm4Key.isEmpty()) {
      if (!f.hj2122025 || !f.sm4Key.matches("[0-9A-Fa-f]{32}")) {
        err.println("error: --sm4-key takes 32 hex digits, with --hj212-2025");
        return Optional.empty();
      }
      key = Optional.of(Sm4Key.ofHex(f.sm4Key));
    }
    return Optional.of(
        new Settings(
            f.host,
            f.port,
            f.embedded,
            f.connections,
            f.rate,
            f.seconds,
            f.warmup,
            f.poison,
            f.junk,
            f.junkRate,
            f.junkKind.equals("random") ? JunkFlood.Kind.RANDOM : JunkFlood.Kind.REPEAT,
            new LoadPackets.Format(f.hj2122025, key)));
  }
}
