package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What a CP key's part after the dash means (HJ 212-2017 Table 4 and field practice). */
public enum Suffix {
  RTD("Rtd", Type.NUMBER),
  AVG("Avg", Type.NUMBER),
  MIN("Min", Type.NUMBER),
  MAX("Max", Type.NUMBER),
  COU("Cou", Type.NUMBER),
  ZS_RTD("ZsRtd", Type.NUMBER),
  ZS_AVG("ZsAvg", Type.NUMBER),
  ZS_MIN("ZsMin", Type.NUMBER),
  ZS_MAX("ZsMax", Type.NUMBER),
  ZS_COU("ZsCou", Type.NUMBER),
  /** Treatment facility run state (SBxxx-RS). */
  RS("RS", Type.NUMBER),
  /** Run time in hours (SBxxx-RT), also used by vendors for status values. */
  RT("RT", Type.NUMBER),
  /** HJ/T 212-2005 alarm value. */
  ALA("Ala", Type.NUMBER),
  DATA("Data", Type.NUMBER),
  DAY_DATA("DayData", Type.NUMBER),
  NIGHT_DATA("NightData", Type.NUMBER),
  FLAG("Flag", Type.FLAG),
  /** Flag of the converted value, seen in the field. */
  ZS_FLAG("ZsFlag", Type.FLAG),
  EFLAG("EFlag", Type.TEXT),
  SAMPLE_TIME("SampleTime", Type.TIME),
  INFO("Info", Type.TEXT),
  SN("SN", Type.TEXT),
  /** A suffix this codec does not know; kept as text. */
  OTHER("", Type.TEXT);

  /** How the value of a key with this suffix is typed. */
  public enum Type {
    NUMBER,
    FLAG,
    TIME,
    TEXT
  }

  private final String code;
  private final Type type;

  Suffix(String code, Type type) {
    this.code = code;
    this.type = type;
  }

  /** The suffix as written in packets. */
  public String code() {
    return code;
  }

  public Type type() {
    return type;
  }

  /** Whether a value carries a converted (折算) concentration. */
  public boolean converted() {
    return name().startsWith("ZS_");
  }

  private static final Suffix[][] BY_LENGTH = new Suffix[16][];
  private static final byte[][][] BYTES_BY_LENGTH = new byte[16][][];

  static {
    for (int len = 0; len < BY_LENGTH.length; len++) {
      final int l = len;
      BY_LENGTH[len] =
          Arrays.stream(values())
              .filter(v -> v != OTHER && v.code.length() == l)
              .toArray(Suffix[]::new);
      BYTES_BY_LENGTH[len] =
          Arrays.stream(BY_LENGTH[len])
              .map(v -> v.code.getBytes(StandardCharsets.US_ASCII))
              .toArray(byte[][]::new);
    }
  }

  /** Parses a suffix from bytes without creating a String. */
  static Suffix parse(byte[] b, int off, int len) {
    if (len >= BY_LENGTH.length) {
      return OTHER;
    }
    byte[][] candidates = BYTES_BY_LENGTH[len];
    for (int i = 0; i < candidates.length; i++) {
      if (Codes.same(candidates[i], b, off, len)) {
        return BY_LENGTH[len][i];
      }
    }
    return OTHER;
  }

  /** Parses a suffix as written; unknown ones give {@link #OTHER}. */
  public static Suffix parse(String code) {
    return switch (code) {
      case "Rtd" -> RTD;
      case "Avg" -> AVG;
      case "Min" -> MIN;
      case "Max" -> MAX;
      case "Cou" -> COU;
      case "ZsRtd" -> ZS_RTD;
      case "ZsAvg" -> ZS_AVG;
      case "ZsMin" -> ZS_MIN;
      case "ZsMax" -> ZS_MAX;
      case "ZsCou" -> ZS_COU;
      case "RS" -> RS;
      case "RT" -> RT;
      case "Ala" -> ALA;
      case "Data" -> DATA;
      case "DayData" -> DAY_DATA;
      case "NightData" -> NIGHT_DATA;
      case "Flag" -> FLAG;
      case "ZsFlag" -> ZS_FLAG;
      case "EFlag" -> EFLAG;
      case "SampleTime" -> SAMPLE_TIME;
      case "Info" -> INFO;
      case "SN" -> SN;
      default -> OTHER;
    };
  }
}
