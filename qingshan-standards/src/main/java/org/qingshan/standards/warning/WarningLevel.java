package org.qingshan.standards.warning;

import java.util.Arrays;
import java.util.Optional;

/** 重污染天气预警级别, from least to most severe. */
public enum WarningLevel {
  BLUE("blue", "蓝色预警"),
  YELLOW("yellow", "黄色预警"),
  ORANGE("orange", "橙色预警"),
  RED("red", "红色预警");

  private final String code;
  private final String chineseName;

  WarningLevel(String code, String chineseName) {
    this.code = code;
    this.chineseName = chineseName;
  }

  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<WarningLevel> fromCode(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code.trim())).findFirst();
  }
}
