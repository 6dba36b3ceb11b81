package org.qingshan.standards.water;

import java.util.Arrays;
import java.util.Optional;

/** 水质类别 of GB 3838—2002, from Ⅰ (best) to 劣Ⅴ. */
public enum WaterClass {
  I("I", "Ⅰ类", "优", "蓝色"),
  II("II", "Ⅱ类", "优", "蓝色"),
  III("III", "Ⅲ类", "良好", "绿色"),
  IV("IV", "Ⅳ类", "轻度污染", "黄色"),
  V("V", "Ⅴ类", "中度污染", "橙色"),
  WORSE_THAN_V("劣V", "劣Ⅴ类", "重度污染", "红色");

  private final String code;
  private final String chineseName;
  private final String quality;
  private final String colourName;

  WaterClass(String code, String chineseName, String quality, String colourName) {
    this.code = code;
    this.chineseName = chineseName;
    this.quality = quality;
    this.colourName = colourName;
  }

  /** ASCII roman numeral, or 劣V; the form used in CSV. */
  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  /** 水质状况 of a section of this class (优, 良好, 轻度污染, 中度污染, 重度污染). */
  public String quality() {
    return quality;
  }

  /** Map colour; the colours are common practice, not confirmed in the evaluation method. */
  public String colourName() {
    return colourName;
  }

  public boolean isAtOrBetterThan(WaterClass other) {
    return ordinal() <= other.ordinal();
  }

  public static WaterClass worse(WaterClass a, WaterClass b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  public static Optional<WaterClass> fromCode(String code) {
    String c = code.trim().replace('Ⅴ', 'V');
    return Arrays.stream(values())
        .filter(
            w ->
                w.code.equalsIgnoreCase(c)
                    || w.chineseName.equals(code.trim())
                    || w.name().equalsIgnoreCase(c))
        .findFirst();
  }
}
