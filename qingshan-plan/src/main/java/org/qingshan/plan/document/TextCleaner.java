package org.qingshan.plan.document;

import java.util.regex.Pattern;

/**
 * Removes conversion artefacts from a line without touching its wording: Word bookmark tags glued
 * to the line start, control characters, and layout spaces at both ends (ASCII, EN SPACE,
 * ideographic space). Only the exact bookmark pattern is removed, since a general {@code […]}
 * pattern would eat cumulative values such as {@code [4.08]}.
 */
public final class TextCleaner {

  private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:\\s*_[A-Za-z]+[^\\]]*\\]");
  private static final Pattern CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFEFF\\u200B]");

  /** Subscript markup of a conversion: PM _{2.5}, SO_{2}, NO _{x} (a space may precede it). */
  private static final Pattern SUBSCRIPT =
      Pattern.compile("(?<=[A-Za-z])[ \\u00A0]?_\\{([0-9A-Za-z.]{1,6})\\}");

  /** Superscript markup or a superscript sign set apart: m ³, m^{3}, m^3, km ². */
  private static final Pattern SUPERSCRIPT =
      Pattern.compile("(?<=[A-Za-z])[ \\u00A0]?(?:\\^\\{([23])\\}|\\^([23])(?![0-9])|([²³]))");

  private TextCleaner() {}

  public static String clean(String line) {
    String text = line;
    if (text.indexOf('[') >= 0) {
      text = BOOKMARK.matcher(text).replaceAll("");
    }
    text = CONTROL.matcher(text).replaceAll("");
    return strip(leftovers(text));
  }

  /**
   * Writes what conversions leave of sub- and superscripts the way a reader writes them: PM _{2.5}
   * → PM2.5, μg/m ³ → μg/m³. Users see task texts and indicator names, so this is done once per
   * line, before anything is recognised.
   */
  public static String leftovers(String text) {
    String cleaned = text;
    if (cleaned.indexOf('_') >= 0) {
      cleaned = SUBSCRIPT.matcher(cleaned).replaceAll("$1");
    }
    if (cleaned.indexOf('^') >= 0 || cleaned.indexOf('³') >= 0 || cleaned.indexOf('²') >= 0) {
      cleaned =
          SUPERSCRIPT
              .matcher(cleaned)
              .replaceAll(
                  m -> {
                    String digit = m.group(1) != null ? m.group(1) : m.group(2);
                    String sign = digit == null ? m.group(3) : digit.equals("2") ? "²" : "³";
                    return sign;
                  });
    }
    return cleaned;
  }

  /** Trims every kind of Unicode space, keeping tabs inside the line (table cells). */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isLayoutSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isLayoutSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  public static boolean isLayoutSpace(char c) {
    return c == ' '
        || c == '\u00A0'
        || c == '\u3000'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u202F'
        || c == '\r';
  }
}
