package org.qingshan.standards.regime;

/**
 * The GB 3095 limit table in force. GB 3095—2026 has two stages with different 二级 limits, so the
 * stage, not only the standard, decides attainment.
 */
public enum AirLimitStage {
  GB3095_2012("GB3095-2012", "GB 3095—2012"),
  GB3095_2026_TRANSITION("GB3095-2026-T", "GB 3095—2026 过渡阶段"),
  GB3095_2026_FINAL("GB3095-2026", "GB 3095—2026");

  private final String code;
  private final String title;

  AirLimitStage(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }
}
