package org.qingshan.plan.indicator;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * A baseline or target cell: the value as the table states it, its year (from the column header),
 * the number it states when it states one, and the footnote mark glued to it. Conversions set a
 * footnote's number beside the value ({@code 4.812919 1} is 4.812919 with footnote 1) or keep its
 * sign ({@code 43①}, {@code 80*}); the mark is moved to {@code footnote}, so {@code written} is
 * what a reader of the printed table sees as the value.
 */
public record IndicatorValue(
    String written,
    Optional<Integer> year,
    Optional<BigDecimal> number,
    Optional<String> footnote) {

  /** A footnote number set apart after a decimal value: 4.812919 1, 0.154713 2. */
  private static final Pattern SPACED_FOOTNOTE =
      Pattern.compile("^(.*\\d\\.\\d+%?)[ \\u00A0\\u3000]+([1-9])$");

  /** A footnote sign at the end: ①, *, ▲, a superscript digit, [注1]. */
  private static final Pattern SIGN_FOOTNOTE =
      Pattern.compile("^(.+?)\\s*([\\u2460-\\u2473]|[*＊▲△]+|[¹²³⁴⁵⁶⁷⁸⁹]|[\\[［]注?\\d[\\]］])$");

  /** A note after the value, e.g. 66.7%（2个省控断面、4个市控断面）. */
  private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*\\)$");

  private static final Pattern NUMBER =
      Pattern.compile(
          "^[\\[【]?\\s*[≤≥<>]?=?\\s*(-?\\d+(?:\\.\\d+)?)\\s*%?\\s*(以上|以下|左右|以内)?\\s*[\\]】]?$");

  public static IndicatorValue of(String cell, Optional<Integer> year) {
    String written = cell.strip();
    String footnote = null;
    Matcher spaced = SPACED_FOOTNOTE.matcher(written);
    Matcher sign = SIGN_FOOTNOTE.matcher(written);
    if (spaced.matches()) {
      written = spaced.group(1).strip();
      footnote = spaced.group(2);
    } else if (sign.matches() && !sign.group(1).isBlank()) {
      written = sign.group(1).strip();
      footnote = sign.group(2);
    }
    return new IndicatorValue(written, year, parse(written), Optional.ofNullable(footnote));
  }

  static Optional<BigDecimal> parse(String written) {
    String compact = TRAILING_NOTE.matcher(Fold.width(written).strip()).replaceAll("").strip();
    Matcher m = NUMBER.matcher(compact);
    return m.find() ? Optional.of(new BigDecimal(m.group(1))) : Optional.empty();
  }

  public boolean isNone() {
    String text = Fold.width(written).strip();
    return text.isEmpty() || text.matches("^[-—–―/／－\\\\]+$") || text.equals("无");
  }
}
