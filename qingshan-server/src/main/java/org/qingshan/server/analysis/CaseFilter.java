package org.qingshan.server.analysis;

import java.time.LocalDate;
import java.util.Optional;
import org.qingshan.server.cases.CaseType;

/**
 * Which cases an analysis or a campaign's filter takes: registered from {@code from} to {@code to}
 * (county dates, inclusive), optionally of one type, town (by name) and industry.
 */
public record CaseFilter(
    LocalDate from,
    LocalDate to,
    Optional<CaseType> type,
    Optional<String> town,
    Optional<String> industry) {
  public CaseFilter {
    town = town.map(String::trim).filter(t -> !t.isEmpty());
    industry = industry.map(String::trim).filter(t -> !t.isEmpty());
    if (to.isBefore(from)) {
      LocalDate t = to;
      to = from;
      from = t;
    }
  }
}
