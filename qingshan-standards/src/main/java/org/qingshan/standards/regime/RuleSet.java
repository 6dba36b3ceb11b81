package org.qingshan.standards.regime;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The set of national air rules in force on a date. GB 3095—2026, HJ 633—2026 and HJ 663—2026 all
 * took effect on 2026-03-01; the GB 3095—2026 final limits apply from 2031-01-01. Every air figure
 * carries the rule set that produced it, so that a year which spans a change can be explained.
 */
public enum RuleSet {
  GB3095_2012(
      AqiStandard.HJ633_2012,
      EvaluationStandard.HJ663_2013,
      AirLimitStage.GB3095_2012,
      LocalDate.MIN,
      LocalDate.of(2026, 3, 1)),
  GB3095_2026_TRANSITION(
      AqiStandard.HJ633_2026,
      EvaluationStandard.HJ663_2026,
      AirLimitStage.GB3095_2026_TRANSITION,
      LocalDate.of(2026, 3, 1),
      LocalDate.of(2031, 1, 1)),
  GB3095_2026_FINAL(
      AqiStandard.HJ633_2026,
      EvaluationStandard.HJ663_2026,
      AirLimitStage.GB3095_2026_FINAL,
      LocalDate.of(2031, 1, 1),
      LocalDate.MAX);

  private final AqiStandard aqi;
  private final EvaluationStandard evaluation;
  private final AirLimitStage limits;
  private final LocalDate from;
  private final LocalDate until;

  RuleSet(
      AqiStandard aqi,
      EvaluationStandard evaluation,
      AirLimitStage limits,
      LocalDate from,
      LocalDate until) {
    this.aqi = aqi;
    this.evaluation = evaluation;
    this.limits = limits;
    this.from = from;
    this.until = until;
  }

  /** The rule set in force on a (Beijing time) calendar date. */
  public static RuleSet forDate(LocalDate date) {
    for (RuleSet r : values()) {
      if (!date.isBefore(r.from) && date.isBefore(r.until)) {
        return r;
      }
    }
    throw new IllegalStateException("no rule set covers " + date);
  }

  public AqiStandard aqi() {
    return aqi;
  }

  public EvaluationStandard evaluation() {
    return evaluation;
  }

  public AirLimitStage limits() {
    return limits;
  }

  /** First day in force. */
  public Optional<LocalDate> effectiveFrom() {
    return from.equals(LocalDate.MIN) ? Optional.empty() : Optional.of(from);
  }

  /** Last day in force, if the rule set has been superseded or has a scheduled end. */
  public Optional<LocalDate> effectiveUntil() {
    return until.equals(LocalDate.MAX) ? Optional.empty() : Optional.of(until.minusDays(1));
  }

  /** Human readable label, e.g. {@code GB 3095—2026 过渡阶段 / HJ 633—2026 / HJ 663—2026}. */
  public String label() {
    return limits.title() + " / " + aqi.title() + " / " + evaluation.title();
  }

  public static Optional<RuleSet> fromName(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name.trim())).findFirst();
  }
}
