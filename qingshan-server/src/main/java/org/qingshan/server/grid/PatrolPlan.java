package org.qingshan.server.grid;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How often a level's grid members patrol: {@code times} patrols in {@code days} days. A week
 * (Monday to Sunday) owes the patrols its seven days hold, rounded up: every 2 days is 4 a week.
 */
public record PatrolPlan(int level, int times, int days) {

  /** Patrols a member owes in a whole week. */
  public int perWeek() {
    return (int) Math.ceil(7.0 * times / days);
  }

  /**
   * Patrols a member owes from the Monday of {@code day}'s week up to and including {@code day}:
   * the week's share of the days gone, rounded down, so a weekly patrol is owed by Sunday.
   */
  public int dueBy(LocalDate day) {
    int elapsed = day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue() + 1;
    return perWeek() * elapsed / 7;
  }

  /** The bundle key of the plan as the pages say it: 每周 2 次, 每天 1 次, 每 2 天 1 次. */
  public String textKey() {
    return days == 7 ? "grid.plan.weekly" : days == 1 ? "grid.plan.daily" : "grid.plan.days";
  }

  /** The arguments of {@link #textKey()}: the times, then the days. */
  public Object[] textArgs() {
    return new Object[] {times, days};
  }
}
