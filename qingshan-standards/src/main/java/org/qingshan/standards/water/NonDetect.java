package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 未检出: a result below the detection limit, written "0.01L" or "&lt;0.01" in monitoring reports. It
 * enters means and classes as half the detection limit, the local practice noted in
 * reference/standards.md §4.2 (one source; check the provincial rule).
 */
public final class NonDetect {
  private static final Pattern FORM = Pattern.compile("^(?:<\\s*([0-9.]+)|([0-9.]+)\\s*[Ll])$");
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private NonDetect() {}

  /** The value used for a result below the detection limit. */
  public static BigDecimal substitute(BigDecimal detectionLimit) {
    return detectionLimit.divide(TWO);
  }

  /** The detection limit if the text is a non-detect ("0.01L", "&lt;0.01"), else empty. */
  public static Optional<BigDecimal> detectionLimit(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(m.group(1) != null ? m.group(1) : m.group(2)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
