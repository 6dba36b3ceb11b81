package org.qingshan.standards.warning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A level is reached when any one of its conditions holds; a condition is a list of criteria that
 * must all hold.
 */
public record WarningRule(WarningLevel level, List<List<WarningCriterion>> anyOf) {
  public WarningRule {
    anyOf = anyOf.stream().map(List::copyOf).toList();
    if (anyOf.isEmpty() || anyOf.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException(level + " needs at least one criterion");
    }
  }

  public String toText() {
    return anyOf.stream()
        .map(c -> c.stream().map(WarningCriterion::toText).collect(Collectors.joining(" and ")))
        .collect(Collectors.joining(" | "));
  }
}
