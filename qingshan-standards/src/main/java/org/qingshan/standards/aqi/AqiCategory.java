package org.qingshan.standards.aqi;

/** AQI 级别/类别/颜色 (表 2 of HJ 633—2012, 表 1 of HJ 633—2026; identical in both). */
public enum AqiCategory {
  EXCELLENT(1, "一级", "优", "绿色", "#00E400", 50),
  GOOD(2, "二级", "良", "黄色", "#FFFF00", 100),
  LIGHTLY_POLLUTED(3, "三级", "轻度污染", "橙色", "#FF7E00", 150),
  MODERATELY_POLLUTED(4, "四级", "中度污染", "红色", "#FF0000", 200),
  HEAVILY_POLLUTED(5, "五级", "重度污染", "紫色", "#99004C", 300),
  SEVERELY_POLLUTED(6, "六级", "严重污染", "褐红色", "#7E0023", Integer.MAX_VALUE);

  private final int level;
  private final String levelName;
  private final String chineseName;
  private final String colourName;
  private final String hex;
  private final int upperAqi;

  AqiCategory(
      int level, String levelName, String chineseName, String colourName, String hex, int upper) {
    this.level = level;
    this.levelName = levelName;
    this.chineseName = chineseName;
    this.colourName = colourName;
    this.hex = hex;
    this.upperAqi = upper;
  }

  /**
   * Category of an AQI. HJ 633—2026 starts 优 at 1, but an all-zero input gives AQI 0, which is
   * treated as 优 in both versions.
   */
  public static AqiCategory of(int aqi) {
    if (aqi < 0) {
      throw new IllegalArgumentException("AQI cannot be negative: " + aqi);
    }
    for (AqiCategory c : values()) {
      if (aqi <= c.upperAqi) {
        return c;
      }
    }
    throw new IllegalStateException();
  }

  public int level() {
    return level;
  }

  public String levelName() {
    return levelName;
  }

  public String chineseName() {
    return chineseName;
  }

  public String colourName() {
    return colourName;
  }

  public String hex() {
    return hex;
  }

  /** 优 or 良: counts towards 优良天数. */
  public boolean isGoodOrExcellent() {
    return level <= 2;
  }
}
