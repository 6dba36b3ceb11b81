package org.qingshan.hj212.packet;

/** Data flag of a value (HJ 212-2017 Table 8, plus the 2005 power-failure flag). */
public enum DataFlag {
  /** 正常: instrument normal. */
  N,
  /** 停运: source or instrument stopped. */
  F,
  /** 维护: maintenance. */
  M,
  /** 手工输入的设定值: manually entered value. */
  S,
  /** 故障: instrument fault. */
  D,
  /** 校准: calibration. */
  C,
  /** 超测上限: above the measuring range. */
  T,
  /** 通讯异常: instrument to DAU communication abnormal. */
  B,
  /** 电源故障 (HJ/T 212-2005): power failure. */
  P,
  /** Any other code seen in the field (N5, 07, air-station digits...). */
  OTHER;

  /** Parses a flag code; unknown codes give {@link #OTHER}. */
  public static DataFlag parse(String code) {
    if (code.length() != 1) {
      return OTHER;
    }
    return switch (code.charAt(0)) {
      case 'N' -> N;
      case 'F' -> F;
      case 'M' -> M;
      case 'S' -> S;
      case 'D' -> D;
      case 'C' -> C;
      case 'T' -> T;
      case 'B' -> B;
      case 'P' -> P;
      default -> OTHER;
    };
  }

  /** Whether a value with this flag counts as a valid measurement (only N). */
  public boolean valid() {
    return this == N;
  }
}
