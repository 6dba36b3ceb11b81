package org.qingshan.standards.regime;

import java.util.Arrays;
import java.util.Optional;

/** The AQI technical regulation (环境空气质量指数技术规定) that computes an index. */
public enum AqiStandard {
  HJ633_2012("HJ633-2012", "HJ 633—2012"),
  HJ633_2026("HJ633-2026", "HJ 633—2026");

  private final String code;
  private final String title;

  AqiStandard(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /** Short ASCII code used on the command line and in CSV, e.g. {@code HJ633-2026}. */
  public String code() {
    return code;
  }

  /** The title as printed on the standard, e.g. {@code HJ 633—2026}. */
  public String title() {
    return title;
  }

  public static Optional<AqiStandard> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code.trim())).findFirst();
  }
}
