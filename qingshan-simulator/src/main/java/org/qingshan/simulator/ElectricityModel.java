package org.qingshan.simulator;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * An enterprise's electricity meter (ST=44): for each production facility ({@code d2…}) and
 * treatment facility ({@code d3…}) three phase voltages ({@code …01…03…}, V) and a current ({@code
 * …04…}, A), the facility number last ({@code d20104}: production facility 1's current). Production
 * runs on a day shift; treatment runs from half an hour before to half an hour after it, except in
 * about one production hour in fifty, when a treatment facility stands still while production runs:
 * the out-of-step hours electricity monitoring exists to catch.
 */
final class ElectricityModel {
  /** Production runs from 06:00 to 22:00. */
  static final int SHIFT_START = 6;

  static final int SHIFT_END = 22;

  private static final double VOLTS = 220;
  private static final double STANDBY_AMPS = 0.2;

  private final long seed;

  ElectricityModel(long seed) {
    this.seed = seed;
  }

  double sample(DeviceProfile device, Factor f, LocalDateTime t) {
    String code = f.code();
    boolean production = code.charAt(1) == '2';
    int parameter = Integer.parseInt(code.substring(2, 4));
    int facility = Integer.parseInt(code.substring(4, 6));
    long minute = t.toEpochSecond(ZoneOffset.UTC) / 60;
    SplittableRandom r =
        new SplittableRandom(ValueModel.mix(seed, device.mn().hashCode(), code.hashCode(), minute));
    if (parameter <= 3) {
      return ValueModel.round(VOLTS * (1 + 0.004 * ValueModel.gaussian(r)));
    }
    boolean running = production ? productionRuns(device, t) : treatmentRuns(device, facility, t);
    double amps =
        running ? f.base() * (1 + 0.05 * ValueModel.gaussian(r)) : STANDBY_AMPS * r.nextDouble();
    return ValueModel.round(Math.max(0, amps));
  }

  /** Whether production runs at {@code t}: the day shift, but for an idle day now and then. */
  boolean productionRuns(DeviceProfile device, LocalDateTime t) {
    if (device.faults().continuousProduction()) {
      return true;
    }
    SplittableRandom day =
        new SplittableRandom(
            ValueModel.mix(seed ^ 0x44L, device.mn().hashCode(), 0, t.toLocalDate().toEpochDay()));
    boolean idleDay = day.nextInt(15) == 0;
    return !idleDay && t.getHour() >= SHIFT_START && t.getHour() < SHIFT_END;
  }

  /** Whether treatment facility {@code facility} runs at {@code t}. */
  boolean treatmentRuns(DeviceProfile device, int facility, LocalDateTime t) {
    if (device.faults().treatmentStopped(facility)) {
      return false;
    }
    if (productionRuns(device, t) && outOfStep(device, facility, t)) {
      return false;
    }
    LocalDateTime early = t.plusMinutes(30);
    LocalDateTime late = t.minusMinutes(30);
    return productionRuns(device, t)
        || productionRuns(device, early)
        || productionRuns(device, late);
  }

  /** Whether the facility stands still this hour while production runs. */
  boolean outOfStep(DeviceProfile device, int facility, LocalDateTime t) {
    long hour = t.toEpochSecond(ZoneOffset.UTC) / 3600;
    SplittableRandom h =
        new SplittableRandom(
            ValueModel.mix(seed ^ 0x3044L, device.mn().hashCode(), facility, hour));
    return h.nextInt(50) == 0;
  }
}
