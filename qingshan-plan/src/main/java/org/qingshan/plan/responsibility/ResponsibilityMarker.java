package org.qingshan.plan.responsibility;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One responsibility marker found in a paragraph: its span ({@code start}..{@code end} in the
 * paragraph text), the names it gives by role (as written), whether its units are still
 * placeholders (XXX), and a standing rule if it states one.
 */
public record ResponsibilityMarker(
    int start,
    int end,
    String raw,
    boolean labelled,
    List<String> lead,
    List<String> support,
    List<String> responsible,
    boolean placeholderUnits,
    Optional<String> standingRule,
    List<String> standingUnits) {

  public ResponsibilityMarker {
    lead = List.copyOf(lead);
    support = List.copyOf(support);
    responsible = List.copyOf(responsible);
    standingUnits = List.copyOf(standingUnits);
  }

  /** True when the marker names nobody and has no unit placeholder (only a standing rule). */
  public boolean assignsNothing() {
    return lead.isEmpty() && support.isEmpty() && responsible.isEmpty() && !placeholderUnits;
  }

  public List<String> names() {
    return Stream.of(lead, support, responsible).flatMap(List::stream).toList();
  }
}
