package org.qingshan.plan.indicator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * A baseline or target cell: the text exactly as written, its year (from the column header) and the
 * number it states when it states one. Conversions leave spaces inside numbers ({@code 4.812919
 * 1}), which are closed before parsing.
 */
public record IndicatorValue(String written, Optional<Integer> year, Optional<BigDecimal> number) {

  private static final Pattern INNER_SPACE = Pattern.compile("(?<=\\d)\\s+(?=[\\d.])");

  /** A note after the value, e.g. 66.7%（2个省控断面、4个市控断面）. */
  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*\\)$");

  private static final Pattern NUMBER =
      Pattern.compile(
          "^[\\[【]?\\s*[≤≥<>]?=?\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?\\s*(以上|以下|左右|以内)?\\s*[\\]】]?$");

  public static IndicatorValue of(String written, Optional<Integer> year) {
    return new IndicatorValue(written, year, parse(written));
  }

  static Optional<BigDecimal> parse(String written) {
    String compact =
        TRAILING_NOTE
            .matcher(INNER_SPACE.matcher(Fold.width(written).strip()).replaceAll(""))
            .replaceAll("")
            .strip();
    Matcher m = NUMBER.matcher(compact);
    return m.find() ? Optional.of(new BigDecimal(m.group(1))) : Optional.empty();
  }

  public boolean isNone() {
    String text = Fold.width(written).strip();
    return text.isEmpty() || text.matches("^[-—–―/／－\\\\]+$") || text.equals("无");
  }
}
