package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Items of GB 3838—2002 表1 (水温 excluded). The 21 items of the evaluation method (环办〔2011〕22号)
 * decide a section's class; total nitrogen and faecal coliforms are classified but reported
 * separately.
 */
public enum WaterItem {
  PH("pH", "pH值", "无量纲", "6 6 6 6 6", true),
  DO("DO", "溶解氧", "mg/L", "7.5 6 5 3 2", true),
  CODMN("CODMn", "高锰酸盐指数", "mg/L", "2 4 6 10 15", true),
  COD("COD", "化学需氧量", "mg/L", "15 15 20 30 40", true),
  BOD5("BOD5", "五日生化需氧量", "mg/L", "3 3 4 6 10", true),
  NH3N("NH3N", "氨氮", "mg/L", "0.15 0.5 1.0 1.5 2.0", true),
  TP("TP", "总磷", "mg/L", "0.02 0.1 0.2 0.3 0.4", true),
  TN("TN", "总氮", "mg/L", "0.2 0.5 1.0 1.5 2.0", false),
  CU("Cu", "铜", "mg/L", "0.01 1.0 1.0 1.0 1.0", true),
  ZN("Zn", "锌", "mg/L", "0.05 1.0 1.0 2.0 2.0", true),
  F("F", "氟化物", "mg/L", "1.0 1.0 1.0 1.5 1.5", true),
  SE("Se", "硒", "mg/L", "0.01 0.01 0.01 0.02 0.02", true),
  AS("As", "砷", "mg/L", "0.05 0.05 0.05 0.1 0.1", true),
  HG("Hg", "汞", "mg/L", "0.00005 0.00005 0.0001 0.001 0.001", true),
  CD("Cd", "镉", "mg/L", "0.001 0.005 0.005 0.005 0.01", true),
  CR6("Cr6", "铬（六价）", "mg/L", "0.01 0.05 0.05 0.05 0.1", true),
  PB("Pb", "铅", "mg/L", "0.01 0.01 0.05 0.05 0.1", true),
  CN("CN", "氰化物", "mg/L", "0.005 0.05 0.2 0.2 0.2", true),
  PHENOL("phenol", "挥发酚", "mg/L", "0.002 0.002 0.005 0.01 0.1", true),
  OIL("oil", "石油类", "mg/L", "0.05 0.05 0.05 0.5 1.0", true),
  LAS("LAS", "阴离子表面活性剂", "mg/L", "0.2 0.2 0.2 0.3 0.3", true),
  S("S", "硫化物", "mg/L", "0.05 0.1 0.2 0.5 1.0", true),
  FECAL_COLIFORM("fecal_coliform", "粪大肠菌群", "个/L", "200 2000 10000 20000 40000", false);

  private static final BigDecimal[] LAKE_TP = limits("0.01 0.025 0.05 0.1 0.2");
  private static final BigDecimal PH_MAX = BigDecimal.valueOf(9);

  private final String code;
  private final String chineseName;
  private final String unit;
  private final BigDecimal[] limits;
  private final boolean decidesClass;

  WaterItem(String code, String chineseName, String unit, String limits, boolean decidesClass) {
    this.code = code;
    this.chineseName = chineseName;
    this.unit = unit;
    this.limits = limits(limits);
    this.decidesClass = decidesClass;
  }

  private static BigDecimal[] limits(String s) {
    return Arrays.stream(s.split(" ")).map(BigDecimal::new).toArray(BigDecimal[]::new);
  }

  /** Column name in CSV input, e.g. {@code NH3N}. */
  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  public String unit() {
    return unit;
  }

  /** One of the 21 items that decide a section's class (not TN, not faecal coliforms). */
  public boolean decidesClass() {
    return decidesClass;
  }

  /** Dissolved oxygen is better when higher; its limits are minimums. */
  public boolean higherIsBetter() {
    return this == DO;
  }

  /** Neither pH nor DO has a 超标倍数 (evaluation method). */
  public boolean hasExceedanceMultiple() {
    return this != PH && this != DO;
  }

  /** CN and heavy metals that exceed come first among the main pollution indicators. */
  public boolean isPriorityPollutant() {
    return switch (this) {
      case CN, CU, ZN, SE, AS, HG, CD, CR6, PB -> true;
      default -> false;
    };
  }

  /** Limit of a class Ⅰ–Ⅴ (for pH: the lower bound 6 of 6–9). Empty for 劣Ⅴ, which has no limit. */
  public Optional<BigDecimal> limit(WaterClass waterClass, WaterBodyType body) {
    if (waterClass == WaterClass.WORSE_THAN_V) {
      return Optional.empty();
    }
    BigDecimal[] l = (this == TP && body == WaterBodyType.LAKE) ? LAKE_TP : limits;
    return Optional.of(l[waterClass.ordinal()]);
  }

  /** The best class whose limit the value meets (limits inclusive); pH outside 6–9 is 劣Ⅴ. */
  public WaterClass classify(BigDecimal value, WaterBodyType body) {
    if (this == PH) {
      return value.compareTo(limits[0]) >= 0 && value.compareTo(PH_MAX) <= 0
          ? WaterClass.I
          : WaterClass.WORSE_THAN_V;
    }
    BigDecimal[] l = (this == TP && body == WaterBodyType.LAKE) ? LAKE_TP : limits;
    for (int i = 0; i < l.length; i++) {
      int cmp = value.compareTo(l[i]);
      if (higherIsBetter() ? cmp >= 0 : cmp <= 0) {
        return WaterClass.values()[i];
      }
    }
    return WaterClass.WORSE_THAN_V;
  }

  public static Optional<WaterItem> fromCode(String code) {
    return Arrays.stream(values()).filter(i -> i.code.equalsIgnoreCase(code.trim())).findFirst();
  }
}
