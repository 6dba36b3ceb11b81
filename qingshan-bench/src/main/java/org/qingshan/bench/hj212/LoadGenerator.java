package org.qingshan.bench.hj212;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.gateway.DeviceAuthenticator;
import org.qingshan.hj212.gateway.GatewayConfig;
import org.qingshan.hj212.gateway.GatewayListener;
import org.qingshan.hj212.gateway.GatewayStats;
import org.qingshan.hj212.gateway.Hj212Gateway;
import org.qingshan.hj212.gateway.StoreResult;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Hj212Time;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

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
 * prints the gateway's counters and heap.
 */
public final class LoadGenerator {
  static final int MAX_CONNECTIONS = 15_000;
  static final int MAX_SECONDS = 600;
  static final int MAX_RATE = 500_000;

  /** Packets sent and not yet answered beyond which sending waits (the gateway is behind). */
  static final int MAX_IN_FLIGHT = 50_000;

  static final String USAGE =
      "usage: LoadGenerator [--host 127.0.0.1] [--port 9212 | --embedded] [--connections N]"
          + " [--rate PACKETS_PER_S] [--duration S]";

  private LoadGenerator() {}

  record Settings(
      String host, int port, boolean embedded, int connections, int rate, int seconds) {}

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
                  .maxConnections(MAX_CONNECTIONS + 100)
                  .connectionRate(1e6, 1_000_000)
                  .deviceRate(1e6, 1_000_000)
                  .ioThreads(1)
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
            "gateway: packets=%d stored=%d answers=%d invalid=%d backpressure-pauses=%d rate-limited=%d"
                + " heap-used-after-gc=%d MB (max %d MB)%n",
            g.packets(),
            g.stored(),
            g.answers(),
            g.invalid(),
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
    List<Hj212Client> clients = new ArrayList<>(s.connections());
    LongAdder closedEarly = new LongAdder();
    try {
      long t0 = System.nanoTime();
      List<CompletableFuture<Hj212Client>> connecting = new ArrayList<>();
      for (int i = 0; i < s.connections(); i++) {
        connecting.add(
            Hj212Client.connect(
                    group,
                    s.host(),
                    port,
                    Duration.ofSeconds(10),
                    CommandResponder.SILENT,
                    c -> closedEarly.increment())
                .toCompletableFuture());
        if (i % 500 == 499) {
          CompletableFuture.allOf(
                  connecting.subList(i - 499, i + 1).toArray(new CompletableFuture[0]))
              .exceptionally(e -> null)
              .get(60, TimeUnit.SECONDS);
        }
      }
      int failedConnects = 0;
      for (CompletableFuture<Hj212Client> f : connecting) {
        try {
          clients.add(f.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
          failedConnects++;
        }
      }
      out.printf(
          Locale.ROOT,
          "connected %d of %d in %.1f s%n",
          clients.size(),
          s.connections(),
          (System.nanoTime() - t0) / 1e9);
      if (clients.isEmpty()) {
        return false;
      }
      return drive(s, clients, out, failedConnects, closedEarly);
    } finally {
      for (Hj212Client c : clients) {
        c.close();
      }
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }

  private static boolean drive(
      Settings s,
      List<Hj212Client> clients,
      PrintStream out,
      int failedConnects,
      LongAdder closedEarly)
      throws InterruptedException {
    Recorder latency = new Recorder(3);
    LongAdder answered = new LongAdder();
    LongAdder wrongAnswers = new LongAdder();
    LongAdder failures = new LongAdder();
    AtomicLong sent = new AtomicLong();
    QnGenerator qns = QnGenerator.systemDefault();
    String[] mns = new String[clients.size()];
    for (int i = 0; i < mns.length; i++) {
      mns[i] = String.format("LOADTEST%016X", i);
    }
    long total = (long) s.rate() * s.seconds();
    double nanosPerPacket = 1e9 / s.rate();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(s.seconds());
    long lastReport = start;
    long warmupEnd = start + TimeUnit.SECONDS.toNanos(Math.min(5, s.seconds() / 4));
    boolean warm = warmupEnd == start;
    Histogram overall = new Histogram(3);
    int next = 0;
    while (sent.get() < total) {
      long now = System.nanoTime();
      if (now > end + TimeUnit.SECONDS.toNanos(5)) {
        break; // the gateway cannot keep up: stop sending, report what happened
      }
      long due = Math.min(total, (long) ((now - start) / nanosPerPacket) + 1);
      while (sent.get() < due
          && sent.get() - settled(answered, failures, wrongAnswers) < MAX_IN_FLIGHT) {
        long i = sent.getAndIncrement();
        long intended = start + (long) (i * nanosPerPacket);
        Hj212Client c = clients.get(next);
        // Each packet of a device has its own DataTime: a store that keeps one packet per
        // device and time must store every one of them, not acknowledge duplicates.
        Packet p = packet(mns[next], qns.next(), DATA_TIME.plusSeconds(i / clients.size()));
        next = (next + 1) % clients.size();
        c.send(p)
            .whenComplete(
                (answer, error) -> {
                  if (error != null) {
                    failures.increment();
                  } else if (!answer.cn().equals(CommandCode.DATA_ANSWER)
                      || !answer.qn().equals(p.qn())) {
                    wrongAnswers.increment();
                  } else {
                    answered.increment();
                    latency.recordValue(Math.max(0, System.nanoTime() - intended) / 1000);
                  }
                });
      }
      if (!warm && now >= warmupEnd) {
        latency
            .getIntervalHistogram(); // answers during warm-up (JIT, connection start) not counted
        warm = true;
      }
      if (now - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
        Histogram h = latency.getIntervalHistogram();
        if (warm) {
          overall.add(h);
        }
        out.printf(
            Locale.ROOT,
            "  %3.0f s: sent %d, answered %d, p99 %.1f ms%n",
            (now - start) / 1e9,
            sent.get(),
            answered.sum(),
            h.getValueAtPercentile(99) / 1000.0);
        lastReport = now;
      }
      Thread.sleep(0, 200_000);
    }
    long sendEnd = System.nanoTime();
    // wait for the last answers (or their timeouts)
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
    while (answered.sum() + failures.sum() + wrongAnswers.sum() < sent.get()
        && System.nanoTime() < waitUntil) {
      Thread.sleep(10);
    }
    overall.add(latency.getIntervalHistogram());
    double seconds = (sendEnd - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "connections %d, target %d packets/s for %d s%n",
        clients.size(),
        s.rate(),
        s.seconds());
    out.printf(
        Locale.ROOT,
        "sent %d in %.1f s = %.0f packets/s; answered %d (%.0f/s)%n",
        sent.get(),
        seconds,
        sent.get() / seconds,
        answered.sum(),
        answered.sum() / seconds);
    out.printf(
        Locale.ROOT,
        "answer latency ms (after the first quarter, at most 5 s, of warm-up): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
        overall.getValueAtPercentile(50) / 1000.0,
        overall.getValueAtPercentile(90) / 1000.0,
        overall.getValueAtPercentile(99) / 1000.0,
        overall.getValueAtPercentile(99.9) / 1000.0,
        overall.getMaxValue() / 1000.0);
    long errors = failures.sum() + wrongAnswers.sum() + failedConnects + closedEarly.sum();
    out.printf(
        Locale.ROOT,
        "errors %d: no answer %d, wrong answer %d, failed connects %d, connections closed %d%n",
        errors,
        failures.sum(),
        wrongAnswers.sum(),
        failedConnects,
        closedEarly.sum());
    if (sent.get() < total) {
      out.printf(
          Locale.ROOT,
          "only %d of %d packets sent: the gateway fell behind (at most %d in flight)%n",
          sent.get(),
          total,
          MAX_IN_FLIGHT);
    }
    return errors == 0 && answered.sum() == sent.get() && sent.get() == total;
  }

  private static final LocalDateTime DATA_TIME =
      LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);

  private static long settled(LongAdder answered, LongAdder failures, LongAdder wrong) {
    return answered.sum() + failures.sum() + wrong.sum();
  }

  /** The data area after DataTime, the same in every packet: building it is not measured. */
  private static final String VALUES =
      DataArea.builder()
          .reading(
              "a21026",
              Optional.of(DataFlag.N),
              new FactorValue(Suffix.RTD, 21.4),
              new FactorValue(Suffix.ZS_RTD, 25.7))
          .reading(
              "a21002",
              Optional.of(DataFlag.N),
              new FactorValue(Suffix.RTD, 33.1),
              new FactorValue(Suffix.ZS_RTD, 39.8))
          .reading(
              "a34013",
              Optional.of(DataFlag.N),
              new FactorValue(Suffix.RTD, 3.2),
              new FactorValue(Suffix.ZS_RTD, 3.9))
          .reading("a19001", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 8.6))
          .reading("a00000", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 96.2))
          .build()
          .text();

  private static Packet packet(String mn, String qn, LocalDateTime dataTime) {
    DataArea cp =
        DataArea.parse("DataTime=" + Hj212Time.format(dataTime) + ";" + VALUES).orElseThrow();
    return Packet.builder()
        .qn(qn)
        .st("31")
        .cn(CommandCode.REALTIME_DATA)
        .pw("123456")
        .mn(mn)
        .flag(Flag.REPLY_2017)
        .cp(cp)
        .build();
  }

  static Optional<Settings> parse(List<String> args, PrintStream err) {
    String host = "127.0.0.1";
    int port = GatewayConfig.DEFAULT_PORT;
    boolean embedded = false;
    int connections = 100;
    int rate = 1000;
    int seconds = 10;
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        switch (a) {
          case "--host" -> host = args.get(++i);
          case "--port" -> port = Integer.parseInt(args.get(++i));
          case "--embedded" -> embedded = true;
          case "--connections" -> connections = Integer.parseInt(args.get(++i));
          case "--rate" -> rate = Integer.parseInt(args.get(++i));
          case "--duration" -> seconds = Integer.parseInt(args.get(++i));
          default -> {
            err.println("error: unknown argument " + a);
            return Optional.empty();
          }
        }
      }
    } catch (RuntimeException e) {
      err.println("error: bad or missing value");
      return Optional.empty();
    }
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
      err.println("error: the load generator only targets this machine (127.0.0.1)");
      return Optional.empty();
    }
    if (connections < 1
        || connections > MAX_CONNECTIONS
        || rate < 1
        || rate > MAX_RATE
        || seconds < 1
        || seconds > MAX_SECONDS) {
      err.printf(
          "error: connections 1..%d, rate 1..%d, duration 1..%d s%n",
          MAX_CONNECTIONS, MAX_RATE, MAX_SECONDS);
      return Optional.empty();
    }
    return Optional.of(new Settings(host, port, embedded, connections, rate, seconds));
  }
}
