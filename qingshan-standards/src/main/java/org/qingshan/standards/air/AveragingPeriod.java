package org.qingshan.standards.air;

/** 平均时间 of a GB 3095 limit. */
public enum AveragingPeriod {
  ANNUAL("年平均"),
  DAILY("24小时平均"),
  MAX_DAILY_8_HOUR("日最大8小时平均"),
  HOURLY("1小时平均");

  private final String chineseName;

  AveragingPeriod(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
