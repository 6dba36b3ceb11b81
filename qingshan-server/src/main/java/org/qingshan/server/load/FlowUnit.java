package org.qingshan.server.load;

/** The unit a flow factor's hour value arrives in, and how many m³ an hour one unit is. */
public enum FlowUnit {
  M3_PER_H(1),
  M3_PER_S(3600),
  L_PER_S(3.6);

  private final double cubicMetresPerHour;

  FlowUnit(double cubicMetresPerHour) {
    this.cubicMetresPerHour = cubicMetresPerHour;
  }

  public double cubicMetresPerHour() {
    return cubicMetresPerHour;
  }
}
