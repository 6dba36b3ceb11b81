package org.qingshan.standards.blackodorous;

/** 黑臭 grading of 城市黑臭水体整治工作指南 (2015). */
public enum BlackOdorousGrade {
  NONE("不黑臭"),
  LIGHT("轻度黑臭"),
  HEAVY("重度黑臭");

  private final String chineseName;

  BlackOdorousGrade(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  static BlackOdorousGrade worse(BlackOdorousGrade a, BlackOdorousGrade b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
