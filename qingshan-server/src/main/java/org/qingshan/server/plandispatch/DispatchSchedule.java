package org.qingshan.server.plandispatch;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How often departments report on a plan's tasks. A report is due on the last day of each period
 * (month, quarter, half-year, year), judged in the county's time zone by the caller.
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

  /** The due date of the report for the period holding {@code today}: that period's last day. */
  public LocalDate nextDue(LocalDate today) {
    int startMonth = ((today.getMonthValue() - 1) / months) * months + 1;
    LocalDate start = LocalDate.of(today.getYear(), startMonth, 1);
    return start.plusMonths(months - 1).with(TemporalAdjusters.lastDayOfMonth());
  }
}
