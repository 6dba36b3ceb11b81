package org.qingshan.server.plandispatch;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * How often departments report on a plan's tasks. A report is due on the last day of each period
 * (month, quarter, half-year, year), judged in the county's time zone by the caller: a department
 * that has not reported within the period that ended last is overdue.
 */
public enum DispatchSchedule {
  MONTHLY(1),
  QUARTERLY(3),
  HALF_YEARLY(6),
  YEARLY(12);

  private final int months;

  DispatchSchedule(int months) {
    this.months = months;
  }

  /** The first day of the period {@code day} falls in. */
  public LocalDate periodStart(LocalDate day) {
    int index = (day.getMonthValue() - 1) / months;
    return LocalDate.of(day.getYear(), index * months + 1, 1);
  }

  /** The day the report of the period {@code day} falls in is due: the period's last day. */
  public LocalDate nextDue(LocalDate day) {
    return periodStart(day).plusMonths(months - 1).with(TemporalAdjusters.lastDayOfMonth());
  }

  /** The last due date strictly before {@code day}'s period: the report that should be in. */
  public LocalDate lastDue(LocalDate day) {
    return periodStart(day).minusDays(1);
  }

  /**
   * Whether a department whose latest report was on {@code lastReport} is late on {@code today}:
   * the period that ended last had a report due (the plan was published by then) and none came in
   * since that period began.
   */
  public boolean overdue(LocalDate publishedOn, Optional<LocalDate> lastReport, LocalDate today) {
    LocalDate due = lastDue(today);
    if (publishedOn.isAfter(due)) {
      return false;
    }
    LocalDate from = periodStart(due);
    return lastReport.map(r -> r.isBefore(from)).orElse(true);
  }

  /** Whether a reminder is due: the period's report is due within {@code days} and not yet in. */
  public boolean remind(Optional<LocalDate> lastReport, LocalDate today, int days) {
    boolean reported = lastReport.map(r -> !r.isBefore(periodStart(today))).orElse(false);
    return !reported && !today.plusDays(days).isBefore(nextDue(today));
  }
}
