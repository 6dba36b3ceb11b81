package org.qingshan.standards.water;

/** 营养状态 grades of TLI(Σ). */
public enum TrophicState {
  OLIGOTROPHIC("贫营养"),
  MESOTROPHIC("中营养"),
  LIGHT_EUTROPHIC("轻度富营养"),
  MIDDLE_EUTROPHIC("中度富营养"),
  HYPEREUTROPHIC("重度富营养");

  private final String chineseName;

  TrophicState(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  /** &lt; 30 贫, 30–50 中, (50, 60] 轻度, (60, 70] 中度, &gt; 70 重度. */
  public static TrophicState of(double tli) {
    if (tli < 30) {
      return OLIGOTROPHIC;
    }
    if (tli <= 50) {
      return MESOTROPHIC;
    }
    if (tli <= 60) {
      return LIGHT_EUTROPHIC;
    }
    return tli <= 70 ? MIDDLE_EUTROPHIC : HYPEREUTROPHIC;
  }
}
