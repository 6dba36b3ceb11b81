package org.qingshan.server.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a case came from; the API speaks the {@link #code()}. */
public enum CaseSource {
  ALARM,
  PUBLIC_REPORT,
  PATROL,
  INSPECTION,
  DEPARTMENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<CaseSource> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
