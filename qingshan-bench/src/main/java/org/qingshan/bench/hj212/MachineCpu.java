package org.qingshan.bench.hj212;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole machine's CPU time from Linux's {@code /proc/stat}, all processes and the kernel's
 * network work together: with the generator and the gateway on one machine, what is left of its
 * cores is what a store may spend. Elsewhere there is no sample and nothing is printed.
 */
final class MachineCpu {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  /**
   * Clock ticks since boot: in user code, in the kernel (with interrupts), idle, taken by the
   * hypervisor for other machines, and in all.
   */
  record Sample(long user, long kernel, long idle, long steal, long total, int cores) {
    /** What was used between an earlier sample and this one, in cores. */
    String usedSince(Sample earlier) {
      double ticks = total - earlier.total;
      if (ticks <= 0) {
        return "no CPU time elapsed";
      }
      double userCores = (user - earlier.user) / ticks * cores;
      double kernelCores = (kernel - earlier.kernel) / ticks * cores;
      double stolen = (steal - earlier.steal) / ticks * cores;
      return String.format(
              Locale.ROOT,
              "%.2f of %d cores busy (user %.2f, kernel %.2f)",
              userCores + kernelCores,
              cores,
              userCores,
              kernelCores)
          + (stolen >= 0.005
              ? String.format(Locale.ROOT, ", %.2f taken by the host (steal)", stolen)
              : "");
    }
  }

  private MachineCpu() {}

  static Optional<Sample> now() {
    try {
      return parse(Files.readAllLines(PROC_STAT));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The summary line {@code cpu user nice system idle iowait irq softirq steal …} and one {@code
   * cpuN} line per core.
   */
  static Optional<Sample> parse(List<String> lines) {
    if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
      return Optional.empty();
    }
    String[] f = lines.get(0).trim().split("\\s+");
    if (f.length < 9) {
      return Optional.empty(); // "cpu" and the eight counters up to steal
    }
    long[] t = new long[8];
    for (int i = 0; i < t.length; i++) {
      t[i] = Long.parseLong(f[i + 1]);
    }
    long total = 0;
    for (long v : t) {
      total += v;
    }
    int cores = (int) lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count();
    return Optional.of(
        new Sample(t[0] + t[1], t[2] + t[5] + t[6], t[3] + t[4], t[7], total, Math.max(1, cores)));
  }
}
