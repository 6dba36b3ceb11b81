package org.qingshan.server.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of problem a case is about; the API speaks the {@link #code()}. */
public enum CaseType {
  ONLINE_MONITORING,
  AIR,
  WATER,
  NOISE,
  SOLID_WASTE,
  DUST,
  ODOUR,
  ECOLOGY,
  OTHER;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<CaseType> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
