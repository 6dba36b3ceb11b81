package org.qingshan.simulator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Reproducible values: a daily cycle around the factor's typical value, noise, and now and then an
 * hour above the limit. The same device, factor and minute always give the same value, so history
 * requests re-send what was sent live.
 */
final class ValueModel {
  private final long seed;
  private final double exceedanceRate;
  private final ElectricityModel electricity;

  ValueModel(long seed, double exceedanceRate) {
    this.seed = seed;
    this.exceedanceRate = exceedanceRate;
    this.electricity = new ElectricityModel(seed);
  }

  /**
   * The mark a meter's production facility reports as its production state (ST=45) at {@code t}:
   * {@code N} running, {@code Sr} in its first half hour, {@code St} stopped (the marks of the
   * reference's example; their meanings are the centre's configuration).
   */
  String productionMark(DeviceProfile device, LocalDateTime t) {
    if (!electricity.productionRuns(device, t)) {
      return "St";
    }
    return electricity.productionRuns(device, t.minusMinutes(30)) ? "N" : "Sr";
  }

  /** The instantaneous value at {@code t} (to the minute). */
  double sample(DeviceProfile device, Factor f, LocalDateTime t) {
    if (device.kind() == DeviceKind.ELECTRICITY) {
      return electricity.sample(device, f, t);
    }
    if (device.faults().stuck(f.code())) {
      return round(f.base());
    }
    long minute = t.toEpochSecond(ZoneOffset.UTC) / 60;
    double hour = t.getHour() + t.getMinute() / 60.0;
    double cycle = 1 + f.dailySwing() * Math.cos(2 * Math.PI * (hour - f.peakHour()) / 24);
    SplittableRandom r =
        new SplittableRandom(mix(seed, device.mn().hashCode(), f.code().hashCode(), minute));
    double v = f.base() * cycle * (1 + f.noise() * gaussian(r));
    if (f.limit().isPresent() && exceeds(device, f, minute / 60)) {
      SplittableRandom h =
          new SplittableRandom(mix(seed, device.mn().hashCode(), f.code().hashCode(), minute / 60));
      v = f.limit().getAsDouble() * (1.1 + 0.6 * h.nextDouble()) * (1 + 0.03 * gaussian(r));
    }
    if (f.code().equals("a01008")) {
      v = ((v % 360) + 360) % 360;
    }
    return round(Math.max(0, v));
  }

  /** Whether the factor is above its limit during this hour. */
  boolean exceeds(DeviceProfile device, Factor f, long epochHour) {
    SplittableRandom r =
        new SplittableRandom(
            mix(seed ^ 0x5DEECE66DL, device.mn().hashCode(), f.code().hashCode(), epochHour));
    return r.nextDouble() < exceedanceRate;
  }

  /** Data flag at {@code t}: calibration, maintenance and rare faults, else normal. */
  String flag(DeviceProfile device, Factor f, LocalDateTime t) {
    long day = t.toLocalDate().toEpochDay();
    boolean waterInstrument =
        device.kind() != DeviceKind.STACK_GAS && device.kind() != DeviceKind.AMBIENT_AIR;
    if (waterInstrument && t.getHour() == 3 && t.getMinute() < 10 && f.limit().isPresent()) {
      return "C"; // daily automatic calibration of water analysers
    }
    SplittableRandom d = new SplittableRandom(mix(seed, device.mn().hashCode(), 17, day));
    if (d.nextInt(20) == 0 && t.getHour() == 10) {
      return "M"; // a maintenance visit now and then
    }
    long hour = t.toEpochSecond(ZoneOffset.UTC) / 3600;
    SplittableRandom h =
        new SplittableRandom(mix(seed, device.mn().hashCode(), f.code().hashCode(), hour * 31));
    if (h.nextInt(400) == 0) {
      return "D";
    }
    return "N";
  }

  /** HJ 212 treatment facility states ({@code SBn-RS}). */
  static final int FACILITY_OFF = 0;

  static final int FACILITY_RUNNING = 1;
  static final int FACILITY_MAINTENANCE = 3;
  static final int FACILITY_ALARM = 4;
  static final int FACILITY_BACK_BLOW = 5;

  /**
   * A treatment facility's state at {@code t} (facility numbers from 1): running, with now and then
   * an hour of alarm, maintenance or standstill (which a bureau wants to see: emitting with
   * treatment off), and a dust filter's back-blow for the first minutes of every fourth hour.
   */
  int facilityState(DeviceProfile device, int facility, LocalDateTime t) {
    long hour = t.toEpochSecond(ZoneOffset.UTC) / 3600;
    SplittableRandom h =
        new SplittableRandom(mix(seed ^ 0x2021L, device.mn().hashCode(), facility, hour));
    int draw = h.nextInt(600);
    if (draw == 0) {
      return FACILITY_OFF;
    }
    if (draw == 1) {
      return FACILITY_ALARM;
    }
    if (draw == 2) {
      return FACILITY_MAINTENANCE;
    }
    if (device.kind() == DeviceKind.STACK_GAS
        && facility == 3
        && hour % 4 == 0
        && t.getMinute() < 3) {
      return FACILITY_BACK_BLOW;
    }
    return FACILITY_RUNNING;
  }

  /** Whether the facility treats in this state: running, or cleaning itself while it runs. */
  static boolean treating(int state) {
    return state == FACILITY_RUNNING || state == FACILITY_BACK_BLOW;
  }

  static double round(double v) {
    double scale = v >= 100 ? 10 : v >= 10 ? 100 : 1000;
    return Math.round(v * scale) / scale;
  }

  static double gaussian(SplittableRandom r) {
    // sum of uniforms: cheap, bounded, near normal
    return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2) * 1.7;
  }

  static long mix(long a, long b, long c, long d) {
    long h = a * 0x9E3779B97F4A7C15L;
    h = (h ^ b) * 0xBF58476D1CE4E5B9L;
    h = (h ^ c) * 0x94D049BB133111EBL;
    h = (h ^ d) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 31);
  }
}
