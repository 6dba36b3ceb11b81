package org.qingshan.server.plandashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.qingshan.server.plandispatch.DispatchTarget;

/**
 * Where a dated target stands on the timeline: met (done by its date), missed (done after it),
 * overdue (its date passed without completion: flagged to the planner and the leader), due soon
 * (within the reminder window) or open; a target a higher level sets whose figure has not been
 * entered awaits it (待上级下达), whatever its date: without a value it is neither met nor missed.
 */
public enum TargetDeadline {
  MET,
  MISSED,
  OVERDUE,
  DUE_SOON,
  OPEN,
  AWAITING;

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

  /**
   * A target judged by the figures reported for it: its state, the county's date of the figure that
   * decided it (met or reached late), and the latest figure known on {@code today}.
   */
  public record Judged(
      TargetDeadline state, Optional<LocalDate> on, Optional<DispatchTarget.Reading> latest) {}

  /**
   * A target with a value judged by its figures on {@code today} (figures reported later are not
   * known yet): met when the latest figure reported by its deadline reaches it (or, before the
   * deadline, the latest one does); missed when only a figure after the deadline reaches it;
   * overdue when the deadline passed and the latest figure falls short; else due soon or open.
   * Empty when no figure is known or the target cannot be judged by one (the task's completion
   * decides then).
   */
  public static Optional<Judged> byFigures(
      DispatchTarget target, LocalDate due, LocalDate today, int soonDays, ZoneId zone) {
    // the rule lives with the target (plandispatch), so the task page judges alike
    return target
        .judged(due, today, zone)
        .map(
            j ->
                new Judged(
                    switch (j.attainment()) {
                      case MET -> MET;
                      case MET_LATE -> MISSED;
                      case NOT_MET -> OVERDUE;
                      case NOT_YET -> today.plusDays(soonDays).isBefore(due) ? OPEN : DUE_SOON;
                    },
                    j.on(),
                    Optional.of(j.latest())));
  }
}
