package org.qingshan.standards.water;

/** Rivers and lakes/reservoirs (湖、库) have different total phosphorus limits. */
public enum WaterBodyType {
  RIVER("河流"),
  LAKE("湖库");

  private final String chineseName;

  WaterBodyType(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
