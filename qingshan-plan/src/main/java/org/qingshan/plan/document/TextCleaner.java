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

  private TextCleaner() {}

  public static String clean(String line) {
    String text = line;
    if (text.indexOf('[') >= 0) {
      text = BOOKMARK.matcher(text).replaceAll("");
    }
    text = CONTROL.matcher(text).replaceAll("");
    return strip(text);
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
