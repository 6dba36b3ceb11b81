package org.qingshan.standards.air;

/** Overall result of an annual evaluation against GB 3095. */
public enum Attainment {
  ATTAINED("达标"),
  NOT_ATTAINED("不达标"),
  INSUFFICIENT_DATA("数据不足");

  private final String chineseName;

  Attainment(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
