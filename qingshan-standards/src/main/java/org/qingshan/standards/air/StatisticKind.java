package org.qingshan.standards.air;

/** Annual statistics of HJ 663 (评价项目) and the GB 3095 averaging period they are compared with. */
public enum StatisticKind {
  ANNUAL_MEAN(AveragingPeriod.ANNUAL, 0, "年平均"),
  DAILY_PERCENTILE_98(AveragingPeriod.DAILY, 98, "24小时平均第98百分位数"),
  DAILY_PERCENTILE_95(AveragingPeriod.DAILY, 95, "24小时平均第95百分位数"),
  MDA8_PERCENTILE_90(AveragingPeriod.MAX_DAILY_8_HOUR, 90, "日最大8小时滑动平均第90百分位数");

  private final AveragingPeriod comparedWith;
  private final int percentile;
  private final String chineseName;

  StatisticKind(AveragingPeriod comparedWith, int percentile, String chineseName) {
    this.comparedWith = comparedWith;
    this.percentile = percentile;
    this.chineseName = chineseName;
  }

  /** The limit column the statistic is compared with. */
  public AveragingPeriod comparedWith() {
    return comparedWith;
  }

  /** The percentile, 0 for a mean. */
  public int percentile() {
    return percentile;
  }

  public String chineseName() {
    return chineseName;
  }
}
