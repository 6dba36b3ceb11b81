package org.qingshan.server.plandispatch;

import java.util.Optional;

/**
 * A form field's text as the reviewing forms keep it: trimmed, cut to its column, empty when blank.
 */
final class TypedText {
  private TypedText() {}

  static Optional<String> optional(String typed, int max) {
    return Optional.ofNullable(typed)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .map(v -> DispatchRepository.cut(v, max));
  }
}
