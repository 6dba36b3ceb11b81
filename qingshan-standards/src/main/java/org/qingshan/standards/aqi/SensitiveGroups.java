package org.qingshan.standards.aqi;

/** 表2 of HJ 633—2026: who is sensitive to a pollutant whose IAQI exceeds 100. */
final class SensitiveGroups {
  private SensitiveGroups() {}

  static String of(AirPollutant pollutant) {
    return switch (pollutant) {
      case SO2 -> "哮喘患者、青少年儿童、老年人";
      case NO2 -> "呼吸系统疾病（如哮喘）患者、青少年儿童、老年人";
      case CO -> "心血管系统疾病患者";
      case O3 -> "呼吸系统疾病（如哮喘）患者、青少年儿童、户外活动频繁的人、老年人";
      case PM10, PM25 -> "心血管或呼吸系统疾病（如哮喘）患者、青少年儿童、户外活动频繁的人、老年人";
    };
  }
}
