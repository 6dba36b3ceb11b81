package org.qingshan.standards.blackodorous;

/** The four characteristic indicators (特征指标) of the guide. */
public enum BlackOdorousIndicator {
  TRANSPARENCY("透明度", "cm"),
  DISSOLVED_OXYGEN("溶解氧", "mg/L"),
  ORP("氧化还原电位", "mV"),
  AMMONIA_NITROGEN("氨氮", "mg/L");

  private final String chineseName;
  private final String unit;

  BlackOdorousIndicator(String chineseName, String unit) {
    this.chineseName = chineseName;
    this.unit = unit;
  }

  public String chineseName() {
    return chineseName;
  }

  public String unit() {
    return unit;
  }
}
