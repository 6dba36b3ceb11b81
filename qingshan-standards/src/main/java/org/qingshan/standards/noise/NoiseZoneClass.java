package org.qingshan.standards.noise;

import java.util.Arrays;
import java.util.Optional;

/** 声环境功能区 of GB 3096—2008 with its 昼间/夜间 L_Aeq limits in dB(A). */
public enum NoiseZoneClass {
  CLASS_0("0", "0类", 50, 40, "康复疗养区等特别需要安静的区域"),
  CLASS_1("1", "1类", 55, 45, "居住、医疗卫生、文化教育、科研设计、行政办公"),
  CLASS_2("2", "2类", 60, 50, "商业金融、集市贸易，或居住、商业、工业混杂"),
  CLASS_3("3", "3类", 65, 55, "工业生产、仓储物流"),
  CLASS_4A("4a", "4a类", 70, 55, "高速公路、一级/二级公路、城市快速路、主干路、次干路、城市轨道交通（地面段）、内河航道两侧"),
  CLASS_4B("4b", "4b类", 70, 60, "铁路干线两侧");

  private final String code;
  private final String chineseName;
  private final int dayLimit;
  private final int nightLimit;
  private final String typicalUse;

  NoiseZoneClass(String code, String chineseName, int day, int night, String typicalUse) {
    this.code = code;
    this.chineseName = chineseName;
    this.dayLimit = day;
    this.nightLimit = night;
    this.typicalUse = typicalUse;
  }

  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  public String typicalUse() {
    return typicalUse;
  }

  /** L_Aeq limit in dB(A). */
  public int limit(NoisePeriod period) {
    return period == NoisePeriod.DAY ? dayLimit : nightLimit;
  }

  public static Optional<NoiseZoneClass> fromCode(String code) {
    String c = code.trim().replace("类", "");
    return Arrays.stream(values()).filter(z -> z.code.equalsIgnoreCase(c)).findFirst();
  }
}
