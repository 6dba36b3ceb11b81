package org.qingshan.standards.noise;

import java.math.BigDecimal;

/**
 * Grades of HJ 640—2012 (城市声环境常规监测) for the area mean (区域) and the road traffic mean (道路交通)
 * equivalent levels: 一级 好 … 五级 差. Boundaries are inclusive upper limits.
 */
public enum NoiseGrade {
  GOOD(1, "好"),
  FAIRLY_GOOD(2, "较好"),
  FAIR(3, "一般"),
  FAIRLY_POOR(4, "较差"),
  POOR(5, "差");

  private static final int[] AREA_DAY = {50, 55, 60, 65};
  private static final int[] AREA_NIGHT = {40, 45, 50, 55};
  private static final int[] ROAD_DAY = {68, 70, 72, 74};
  private static final int[] ROAD_NIGHT = {58, 60, 62, 64};

  private final int level;
  private final String chineseName;

  NoiseGrade(int level, String chineseName) {
    this.level = level;
    this.chineseName = chineseName;
  }

  public int level() {
    return level;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Grade of a 区域声环境 mean level. */
  public static NoiseGrade area(NoisePeriod period, BigDecimal level) {
    return grade(period == NoisePeriod.DAY ? AREA_DAY : AREA_NIGHT, level);
  }

  /** Grade of a 道路交通声环境 length-weighted mean level. */
  public static NoiseGrade roadTraffic(NoisePeriod period, BigDecimal level) {
    return grade(period == NoisePeriod.DAY ? ROAD_DAY : ROAD_NIGHT, level);
  }

  private static NoiseGrade grade(int[] bounds, BigDecimal level) {
    for (int i = 0; i < bounds.length; i++) {
      if (level.compareTo(BigDecimal.valueOf(bounds[i])) <= 0) {
        return values()[i];
      }
    }
    return POOR;
  }
}
