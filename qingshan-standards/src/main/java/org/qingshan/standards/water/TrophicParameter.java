package org.qingshan.standards.water;

/**
 * Parameters of the lake trophic state index TLI(Σ), with their correlation r with chlorophyll a.
 */
public enum TrophicParameter {
  CHLA("叶绿素a", "mg/m³", 1.0, 2.5, 1.086),
  TP("总磷", "mg/L", 0.84, 9.436, 1.624),
  TN("总氮", "mg/L", 0.82, 5.453, 1.694),
  SD("透明度", "m", -0.83, 5.118, -1.94),
  CODMN("高锰酸盐指数", "mg/L", 0.83, 0.109, 2.661);

  private final String chineseName;
  private final String unit;
  private final double r;
  private final double a;
  private final double b;

  TrophicParameter(String chineseName, String unit, double r, double a, double b) {
    this.chineseName = chineseName;
    this.unit = unit;
    this.r = r;
    this.a = a;
    this.b = b;
  }

  public String chineseName() {
    return chineseName;
  }

  public String unit() {
    return unit;
  }

  double correlation() {
    return r;
  }

  /** TLI(j) = 10 (a + b ln x). */
  double index(double value) {
    return 10 * (a + b * Math.log(value));
  }
}
