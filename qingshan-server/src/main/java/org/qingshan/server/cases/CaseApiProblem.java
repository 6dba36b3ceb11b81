package org.qingshan.server.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fields of a cases API request refused (400), gathered first so that a client learns of every bad
 * field at once.
 */
class CaseApiProblem extends RuntimeException {
  record Entry(Optional<String> field, String messageKey, Object[] arguments) {}

  private final List<Entry> entries = new ArrayList<>();

  CaseApiProblem() {
    super(null, null, false, false);
  }

  static CaseApiProblem of(String field, String messageKey, Object... arguments) {
    return new CaseApiProblem().add(field, messageKey, arguments);
  }

  CaseApiProblem add(String field, String messageKey, Object... arguments) {
    entries.add(new Entry(Optional.ofNullable(field), messageKey, arguments));
    return this;
  }

  void throwIfAny() {
    if (!entries.isEmpty()) {
      throw this;
    }
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }
}
