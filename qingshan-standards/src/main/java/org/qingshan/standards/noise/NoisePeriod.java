package org.qingshan.standards.noise;

/** 昼间 and 夜间. */
public enum NoisePeriod {
  DAY("昼间"),
  NIGHT("夜间");

  private final String chineseName;

  NoisePeriod(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
