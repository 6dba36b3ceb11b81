package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A dated target of a task (2025年底前，清扫率达到90%以上) with the figures the task's reports gave for it,
 * oldest first. Only a target with a value takes a figure: the value the text states, or for a
 * target a higher level sets ({@code assigned}: 完成市下达的年度减排任务) the figure the planner entered once
 * it was assigned; until then the target awaits its assignment (待上级下达).
 */
public record DispatchTarget(
    long taskId,
    int position,
    String text,
    Optional<String> metric,
    Optional<String> comparator,
    Optional<BigDecimal> value,
    Optional<String> unit,
    Optional<LocalDate> deadline,
    Optional<String> recurring,
    boolean assigned,
    Optional<AssignedFigure> assignedFigure,
    List<Reading> readings) {

  /** Relative tolerance of 稳定在/左右 (= and ≈): within 5 % of the value counts as reached. */
  static final BigDecimal TOLERANCE = new BigDecimal("0.05");

  /** Words the importer keeps in front of a comparator that do not change what it compares. */
  private static final List<String> HEDGES = List.of("力争", "原则上");

  public DispatchTarget {
    readings = List.copyOf(readings);
  }

  /** A figure reported for the target: when, by whom, the number and its note. */
  public record Reading(
      long progressId,
      OffsetDateTime reportedAt,
      Optional<String> department,
      BigDecimal amount,
      Optional<String> note) {}

  public DispatchTarget withReadings(List<Reading> found) {
    return new DispatchTarget(
        taskId,
        position,
        text,
        metric,
        comparator,
        value,
        unit,
        deadline,
        recurring,
        assigned,
        assignedFigure,
        found);
  }

  /** The value to judge by: the assigned figure once entered, else the value the text states. */
  public Optional<BigDecimal> goalValue() {
    return assignedFigure.map(AssignedFigure::value).or(() -> value);
  }

  /** The comparator to judge by (the assigned figure's, else the text's). */
  public Optional<String> goalComparator() {
    return assignedFigure.map(AssignedFigure::comparator).or(() -> comparator);
  }

  /** The unit of the value to judge by (the assigned figure's, else the text's). */
  public Optional<String> goalUnit() {
    return assignedFigure.flatMap(AssignedFigure::unit).or(() -> unit);
  }

  /** A target a higher level sets that has no figure yet: shown as 待上级下达, never as missed. */
  public boolean awaitingAssignment() {
    return assigned && goalValue().isEmpty();
  }

  /** Whether a report may give a figure for it: it has a value (stated or assigned). */
  public boolean measurable() {
    return goalValue().isPresent();
  }

  /** The text's comparator without 力争/原则上: ≥ ≤ > < = ≈ 减少 增长, or empty. */
  public Optional<String> plainComparator() {
    return plain(comparator);
  }

  private static Optional<String> plain(Optional<String> comparator) {
    return comparator
        .map(
            c -> {
              String s = c;
              for (String h : HEDGES) {
                s = s.replace(h, "");
              }
              return s.strip();
            })
        .filter(s -> !s.isEmpty());
  }

  /**
   * Whether {@code figure} reaches the target; empty when the target has no value or comparator to
   * judge by. For 减少 and 增长 the figure is the change achieved (in the target's unit), reached at
   * the stated amount; = and ≈ (稳定在, 左右) are reached within 5 % of the value.
   */
  public Optional<Boolean> metBy(BigDecimal figure) {
    Optional<String> judged = plain(goalComparator());
    if (goalValue().isEmpty() || judged.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal v = goalValue().get();
    int c = figure.compareTo(v);
    return switch (judged.get()) {
      case "≥", "增长", "减少" -> Optional.of(c >= 0);
      case "≤" -> Optional.of(c <= 0);
      case ">" -> Optional.of(c > 0);
      case "<" -> Optional.of(c < 0);
      case "=", "≈" ->
          Optional.of(figure.subtract(v).abs().compareTo(v.abs().multiply(TOLERANCE)) <= 0);
      default -> Optional.empty();
    };
  }

  /** What is measured: the metric, else the start of the sentence. */
  public String label() {
    return metric
        .filter(m -> !m.isBlank())
        .orElse(text.length() <= 30 ? text : text.substring(0, 30) + "…");
  }

  /** The target as a short goal: 县城道路机械化清扫率 ≥ 90%. */
  public String goal() {
    StringBuilder s = new StringBuilder(label());
    goalComparator().ifPresent(c -> s.append(' ').append(c));
    goalValue().ifPresent(v -> s.append(' ').append(v.stripTrailingZeros().toPlainString()));
    goalUnit().ifPresent(s::append);
    return s.toString();
  }

  /** The latest reading, if any. */
  public Optional<Reading> latest() {
    return readings.isEmpty() ? Optional.empty() : Optional.of(readings.get(readings.size() - 1));
  }

  /** Whether the latest reading reaches the target; empty without a reading or a judgeable goal. */
  public Optional<Boolean> latestMet() {
    return latest().flatMap(r -> metBy(r.amount()));
  }

  /** The latest reading reported on or before {@code at}, if any. */
  public Optional<Reading> latest(OffsetDateTime at) {
    Optional<Reading> last = Optional.empty();
    for (Reading r : readings) {
      if (!r.reportedAt().isAfter(at)) {
        last = Optional.of(r);
      }
    }
    return last;
  }

  /**
   * How the figures stand against a deadline: reached by it (or, before it, by the latest figure),
   * reached only by a figure after it (超期达到), not reached once it passed, or not reached yet before
   * it.
   */
  public enum Attainment {
    MET,
    MET_LATE,
    NOT_MET,
    NOT_YET
  }

  /**
   * The figures' verdict on {@code today}: the attainment, the county's date of the figure that
   * decided it (met or met late) and the latest figure known then.
   */
  public record Judgement(Attainment attainment, Optional<LocalDate> on, Reading latest) {}

  /**
   * The target judged by the figures known on {@code today} (figures reported later are not known
   * yet), against {@code due}: met when the latest figure reported by the deadline reaches it (or,
   * before the deadline, the latest one does); met late when only a figure after the deadline
   * reaches it; not met when the deadline passed and the latest figure falls short. Empty when no
   * figure is known or the target cannot be judged by one. The dashboard's timeline judges by the
   * same rule, so the task page and the dashboard agree.
   */
  public Optional<Judgement> judged(LocalDate due, LocalDate today, ZoneId zone) {
    List<Reading> known = readings.stream().filter(r -> !day(r, zone).isAfter(today)).toList();
    if (known.isEmpty() || metBy(known.get(0).amount()).isEmpty()) {
      return Optional.empty();
    }
    Reading last = known.get(known.size() - 1);
    Optional<Reading> atDue =
        known.stream().filter(r -> !day(r, zone).isAfter(due)).reduce((a, b) -> b);
    boolean metAtDue = atDue.flatMap(r -> metBy(r.amount())).orElse(false);
    boolean metNow = metBy(last.amount()).orElse(false);
    if (metAtDue) {
      return Optional.of(new Judgement(Attainment.MET, atDue.map(r -> day(r, zone)), last));
    }
    if (today.isAfter(due)) {
      return Optional.of(
          metNow
              ? new Judgement(Attainment.MET_LATE, Optional.of(day(last, zone)), last)
              : new Judgement(Attainment.NOT_MET, Optional.empty(), last));
    }
    return Optional.of(
        metNow
            ? new Judgement(Attainment.MET, Optional.of(day(last, zone)), last)
            : new Judgement(Attainment.NOT_YET, Optional.empty(), last));
  }

  /**
   * The attainment the task page shows on {@code today}: judged against the deadline when the
   * target has one, else by the latest figure alone; empty without a figure to judge.
   */
  public Optional<Attainment> attainment(LocalDate today, ZoneId zone) {
    if (deadline.isPresent()) {
      return judged(deadline.get(), today, zone).map(Judgement::attainment);
    }
    return latestMet().map(m -> m ? Attainment.MET : Attainment.NOT_YET);
  }

  private static LocalDate day(Reading r, ZoneId zone) {
    return r.reportedAt().atZoneSameInstant(zone).toLocalDate();
  }

  /** A figure as written: 92%（备注）. */
  public String written(Reading r) {
    return written(r.amount(), r.note());
  }

  /** A figure as written: 92%（备注）. */
  public String written(BigDecimal amount, Optional<String> note) {
    return amount.stripTrailingZeros().toPlainString()
        + goalUnit().orElse("")
        + note.map(n -> "（" + n + "）").orElse("");
  }
}
