package org.qingshan.standards.air;

/** 环境空气功能区: 一类区 uses the 一级 limits, 二类区 (towns, farmland, industry) the 二级 limits. */
public enum AirZoneClass {
  CLASS_1("一类区"),
  CLASS_2("二类区");

  private final String chineseName;

  AirZoneClass(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
