package org.qingshan.simulator;

/**
 * What a simulated device monitors, with its HJ 212 system code (ST): the constants of the
 * registry's device kinds for the same stations, so a simulated device registers under its own
 * name.
 */
public enum DeviceKind {
  /** 废气排放口 (CEMS on a stack). */
  STACK_GAS("31", "废气排放口"),
  /** 废水排放口 of an enterprise. */
  WASTE_WATER("32", "废水排放口"),
  /** 污水处理厂 outlet. */
  SEWAGE_PLANT("32", "污水处理厂出水口"),
  /** 环境空气自动监测站. */
  AMBIENT_AIR("22", "空气自动监测站"),
  /** 地表水水质自动监测站. */
  SURFACE_WATER("21", "地表水自动监测站"),
  /** 用电监控: an enterprise's meter on its production and treatment facilities (HJ 212-2025). */
  ELECTRICITY("44", "用电监控");

  private final String st;
  private final String label;

  DeviceKind(String st, String label) {
    this.st = st;
    this.label = label;
  }

  /** HJ 212 system code. */
  public String st() {
    return st;
  }

  /** Chinese name of the kind. */
  public String label() {
    return label;
  }

  /**
   * Treatment facilities whose run state the device reports (HJ 212 {@code SBn-RS}, {@code
   * SBn-RT}): a stack's desulphurisation, denitrification and dust removal, an outlet's treatment
   * works, a sewage plant's biological and advanced treatment; none at a monitoring station.
   */
  public int facilities() {
    return switch (this) {
      case STACK_GAS -> 3;
      case WASTE_WATER -> 1;
      case SEWAGE_PLANT -> 2;
      case AMBIENT_AIR, SURFACE_WATER, ELECTRICITY -> 0;
    };
  }

  /**
   * Whether the device sends minute, hour and day data: a meter sends only real-time values (the
   * standard reuses CN=2011 for them), the centre asks it for history.
   */
  public boolean periodData() {
    return this != ELECTRICITY;
  }

  /** Whether values are emissions with totals (Cou) and, for stacks, converted values. */
  public boolean pollutionSource() {
    return this == STACK_GAS || this == WASTE_WATER || this == SEWAGE_PLANT;
  }
}
