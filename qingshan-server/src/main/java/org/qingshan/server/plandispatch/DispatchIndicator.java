package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A row of a stored plan's indicator table with the yearly values entered since. */
public record DispatchIndicator(
    long id,
    long planId,
    String no,
    Optional<String> category,
    String name,
    Optional<String> unit,
    Optional<String> baseline,
    Optional<Integer> baselineYear,
    Optional<String> target,
    Optional<Integer> targetYear,
    Optional<String> attribute,
    String kind,
    List<Value> values) {

  public DispatchIndicator {
    values = List.copyOf(values);
  }

  /** A year's value with where it comes from (统计年报, 监测站 …), explicit for every value. */
  public record Value(
      int year, BigDecimal value, String source, String enteredBy, OffsetDateTime enteredAt) {}

  public DispatchIndicator withValues(List<Value> value) {
    return new DispatchIndicator(
        id,
        planId,
        no,
        category,
        name,
        unit,
        baseline,
        baselineYear,
        target,
        targetYear,
        attribute,
        kind,
        value);
  }

  public Optional<Value> valueOf(int year) {
    return values.stream().filter(v -> v.year() == year).findFirst();
  }
}
