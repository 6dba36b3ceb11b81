package org.qingshan.bench.standards;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.qingshan.standards.air.AirEvaluator;
import org.qingshan.standards.air.HourlySeries;
import org.qingshan.standards.aqi.AirPollutant;

/**
 * Daily AQI and annual HJ 663 evaluation of 1,000 stations × one year of hourly data (2026, the
 * year the rules change on 1 March, so both regimes are exercised). One operation is the whole
 * network: every station, every day.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class AirStandardsBenchmark {
  private static final int YEAR = 2026;

  @Param({"1000"})
  public int stations;

  private HourlySeries[] series;

  @Setup(Level.Trial)
  public void generate() {
    LocalDate first = LocalDate.of(YEAR, 1, 1);
    int days = first.lengthOfYear();
    series = new HourlySeries[stations];
    SplittableRandom random = new SplittableRandom(20260301L);
    for (int s = 0; s < stations; s++) {
      series[s] = station(first, days, random.split());
    }
  }

  /** A plausible North China station: winter PM peaks, summer ozone, about 2 % lost hours. */
  private static HourlySeries station(LocalDate first, int days, SplittableRandom r) {
    HourlySeries.Builder b = HourlySeries.builder(first, days);
    double pmLevel = 25 + r.nextDouble(40);
    for (int d = 0; d < days; d++) {
      double winter = Math.cos(2 * Math.PI * d / days) * 0.5 + 0.5;
      double episode = r.nextDouble() < 0.08 ? 2 + r.nextDouble(2) : 1;
      for (int h = 0; h < 24; h++) {
        int i = d * 24 + h;
        double sun = Math.max(0, Math.sin(Math.PI * (h - 6) / 14));
        double pm25 = pmLevel * (0.6 + winter) * episode * (0.8 + 0.4 * r.nextDouble());
        set(b, r, AirPollutant.PM25, i, Math.round(pm25));
        set(b, r, AirPollutant.PM10, i, Math.round(pm25 * (1.5 + 0.5 * r.nextDouble())));
        set(b, r, AirPollutant.SO2, i, Math.round(5 + 15 * winter * r.nextDouble()));
        set(b, r, AirPollutant.NO2, i, Math.round(15 + 30 * r.nextDouble() * (1 - sun / 2)));
        set(b, r, AirPollutant.CO, i, Math.round((0.4 + winter * r.nextDouble()) * 10) / 10.0);
        set(b, r, AirPollutant.O3, i, Math.round(20 + 160 * sun * (1 - winter) * r.nextDouble()));
      }
    }
    return b.build();
  }

  private static void set(
      HourlySeries.Builder b, SplittableRandom r, AirPollutant p, int hour, double value) {
    if (r.nextDouble() >= 0.02) {
      b.set(p, hour, value);
    }
  }

  @Benchmark
  public void dailyAqi(Blackhole bh) {
    for (HourlySeries s : series) {
      bh.consume(AirEvaluator.daily(s, Optional.empty()));
    }
  }

  @Benchmark
  public void annualEvaluation(Blackhole bh) {
    for (HourlySeries s : series) {
      bh.consume(AirEvaluator.evaluateYear(s, YEAR));
    }
  }
}
