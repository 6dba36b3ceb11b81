package org.qingshan.bench.alarm;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Suffix;
import org.qingshan.server.alarm.AlarmRule;
import org.qingshan.server.alarm.AlarmSettings;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Evaluator;
import org.qingshan.server.alarm.Finding;
import org.qingshan.server.alarm.RuleSet;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;

/**
 * The alarm evaluator on one thread: {@code devices} stack devices, each under twenty rules (eight
 * that apply everywhere, twelve of its own on its factors), sending real-time packets of ten
 * factors with limits, in turn, values moving so that constants and jumps are judged but rarely
 * fire. One operation is one reading: the figure is readings judged per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluatorBenchmark {
  static final String[] FACTORS = {
    "a21026", "a21002", "a34013", "a21005", "a05002", "a24088", "a21001", "a19001", "a01012",
    "a01011"
  };
  static final int RULES_PER_DEVICE = 20;

  @Param({"1000"})
  int devices;

  private RuleSet rules;
  private Evaluator evaluator;
  private List<List<FactorReading>> packets;
  private final List<Finding> found = new ArrayList<>();
  private int next;
  private LocalDateTime time;

  @Setup(Level.Trial)
  public void setUp() {
    List<AlarmRule> all = new ArrayList<>();
    long id = 1;
    for (AlarmType t :
        new AlarmType[] {
          AlarmType.EXCEEDANCE,
          AlarmType.CONTINUOUS_EXCEEDANCE,
          AlarmType.FLAG,
          AlarmType.CONSTANT,
          AlarmType.ZERO,
          AlarmType.NEGATIVE,
          AlarmType.JUMP,
          AlarmType.MISSING_FACTOR
        }) {
      all.add(rule(id++, t, Optional.empty(), Optional.empty(), null));
    }
    List<OutletLimit> limits = new ArrayList<>();
    List<Outlet> outlets = new ArrayList<>();
    Map<Long, Long> bindings = new HashMap<>();
    for (long d = 1; d <= devices; d++) {
      long outlet = 10_000 + d;
      outlets.add(
          new Outlet(
              outlet,
              d,
              "DA001",
              "烟囱",
              OutletKind.GAS,
              true,
              Optional.empty(),
              Optional.empty(),
              Optional.empty()));
      bindings.put(d, outlet);
      for (int f = 0; f < FACTORS.length; f++) {
        limits.add(
            new OutletLimit(
                f,
                outlet,
                FACTORS[f],
                Averaging.REALTIME,
                1000,
                OptionalDouble.empty(),
                "mg/m³",
                Optional.empty(),
                f == 0,
                f == 0 ? OptionalDouble.of(6) : OptionalDouble.empty()));
      }
      // Twelve of its own: the instrument range of each factor, and two jump thresholds.
      for (int f = 0; f < RULES_PER_DEVICE - 8; f++) {
        AlarmType t = f < FACTORS.length ? AlarmType.OUT_OF_RANGE : AlarmType.JUMP;
        all.add(
            rule(
                id++,
                t,
                Optional.of(d),
                Optional.of(FACTORS[f % FACTORS.length]),
                t == AlarmType.OUT_OF_RANGE ? 5000.0 : 3.0));
      }
    }
    rules =
        RuleSet.builder(AlarmSettings.defaults())
            .rules(all)
            .limits(limits)
            .outlets(outlets)
            .deviceOutlets(bindings)
            .build();
    evaluator = new Evaluator();
    packets = new ArrayList<>();
    for (int p = 0; p < 64; p++) {
      List<FactorReading> readings = new ArrayList<>();
      for (int f = 0; f < FACTORS.length; f++) {
        double v = FACTORS[f].equals("a19001") ? 9 + (p % 13) * 0.1 : 20 + f * 7 + (p % 13) * 0.37;
        readings.add(
            FactorReading.of(
                FACTORS[f], List.of(new FactorValue(Suffix.RTD, v)), Optional.of("N")));
      }
      packets.add(readings);
    }
    time = LocalDateTime.of(2026, 12, 1, 0, 0);
  }

  private static AlarmRule rule(
      long id, AlarmType type, Optional<Long> device, Optional<String> factor, Double threshold) {
    return new AlarmRule(
        id,
        type.apiName(),
        type,
        Optional.empty(),
        Optional.empty(),
        device,
        factor,
        Optional.empty(),
        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
        OptionalInt.empty(),
        Severity.MAJOR,
        true);
  }

  @Benchmark
  @OperationsPerInvocation(10)
  public void realtimePacketOfTenReadings(Blackhole bh) {
    int i = next++;
    long device = 1 + (i % devices);
    if (device == 1) {
      time = time.plusSeconds(30);
    }
    found.clear();
    evaluator.packet(
        rules, device, ObservationKind.REALTIME, time, packets.get(i & 63), false, found);
    bh.consume(found.size());
  }
}
