package org.qingshan.server.web;

import java.util.Optional;

/** A search box's value: blank means no search. */
public final class SearchText {
  private SearchText() {}

  public static Optional<String> of(String text) {
    return Optional.ofNullable(text).map(String::trim).filter(t -> !t.isEmpty());
  }
}
