package org.qingshan.server.web;

import java.util.Optional;

/**
 * A search box's value: blank means no search, and only its first {@value #MAX_LENGTH} characters
 * count. Nothing a person types to find a record is longer; a longer text is pasted by mistake or
 * meant to make the database work, and cutting it is what the person typing it would expect.
 */
public final class SearchText {
  public static final int MAX_LENGTH = 100;

  private SearchText() {}

  public static Optional<String> of(String text) {
    return Optional.ofNullable(text)
        .map(SearchText::cut)
        .map(String::trim)
        .filter(t -> !t.isEmpty());
  }

  private static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH));
  }
}
