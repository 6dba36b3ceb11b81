package org.qingshan.server.plandashboard;

/**
 * 达标 / 预警 / 滞后 of an indicator: its latest actual against the value the trajectory needs that year.
 * Short of it by no more than a margin (a share of the plan's whole distance from baseline to
 * target) is a warning, further short is behind.
 */
public enum IndicatorStatus {
  ON_TRACK,
  WARNING,
  BEHIND;

  /**
   * @param margin the share of the trajectory's span a shortfall may reach and still be a warning
   */
  public static IndicatorStatus judge(
      IndicatorDirection direction,
      IndicatorTrajectory trajectory,
      int year,
      double actual,
      double margin) {
    double lead = direction.lead(actual, trajectory.needed(year));
    if (lead >= 0) {
      return ON_TRACK;
    }
    double span = trajectory.span();
    // A plan that asks to hold a value (baseline = target): the margin is taken of the value
    // itself.
    double allowed = margin * (span > 0 ? span : Math.abs(trajectory.target()));
    return -lead <= allowed ? WARNING : BEHIND;
  }
}
