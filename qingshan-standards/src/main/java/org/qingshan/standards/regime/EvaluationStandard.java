package org.qingshan.standards.regime;

/** The ambient air quality evaluation specification (环境空气质量评价技术规范). */
public enum EvaluationStandard {
  HJ663_2013("HJ663-2013", "HJ 663—2013"),
  HJ663_2026("HJ663-2026", "HJ 663—2026");

  private final String code;
  private final String title;

  EvaluationStandard(String code, String title) {
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
