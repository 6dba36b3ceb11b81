package org.qingshan.server.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a case stands, from registration to closure; the JSON API speaks the {@link #code()}, the
 * pages the label of the bundle ({@code CaseStatus.PENDING} …).
 */
public enum CaseStatus {
  PENDING,
  REJECTED,
  ACCEPTED,
  DISPATCHED,
  IN_PROGRESS,
  AWAITING_VERIFICATION,
  CLOSED;

  /** The API's name: {@code pending}, {@code in-progress}, {@code awaiting-verification} … */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<CaseStatus> ofCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }

  /** A case that is finished: nobody acts on it any more. */
  public boolean finished() {
    return this == REJECTED || this == CLOSED;
  }
}
