package org.qingshan.server.plandashboard;

/**
 * The path from an indicator's baseline to its target: by default a straight line, so the value
 * needed in a year between is where the line stands then. Before the baseline year the baseline is
 * needed, after the target year the target.
 */
public record IndicatorTrajectory(
    int baselineYear, double baseline, int targetYear, double target) {
  public IndicatorTrajectory {
    if (targetYear <= baselineYear) {
      throw new IllegalArgumentException(
          "target year " + targetYear + " not after " + baselineYear);
    }
  }

  /** The value the plan needs in {@code year}. */
  public double needed(int year) {
    if (year <= baselineYear) {
      return baseline;
    }
    if (year >= targetYear) {
      return target;
    }
    return baseline + (target - baseline) * (year - baselineYear) / (targetYear - baselineYear);
  }

  /** The whole distance the plan asks for, positive. */
  public double span() {
    return Math.abs(target - baseline);
  }
}
