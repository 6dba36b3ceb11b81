package org.qingshan.server.plandashboard;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a dated target stands on the timeline: met (done by its date), missed (done after it),
 * overdue (its date passed without completion: flagged to the planner and the leader), due soon
 * (within the reminder window) or open.
 */
public enum TargetDeadline {
  MET,
  MISSED,
  OVERDUE,
  DUE_SOON,
  OPEN;

  /**
   * @param doneOn the county's date the task was reported done, empty while it is not
   * @param today the county's date (Asia/Shanghai)
   * @param soonDays how many days ahead a deadline counts as due soon
   */
  public static TargetDeadline of(
      LocalDate due, Optional<LocalDate> doneOn, LocalDate today, int soonDays) {
    if (doneOn.isPresent()) {
      return doneOn.get().isAfter(due) ? MISSED : MET;
    }
    if (today.isAfter(due)) {
      return OVERDUE;
    }
    return today.plusDays(soonDays).isBefore(due) ? OPEN : DUE_SOON;
  }
}
