package org.qingshan.server.roster;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One shift on one day: a night shift belongs to the day it starts.
 *
 * @param label the shift's name as people read it
 */
public record ShiftSlot(
    LocalDate date, String shift, String label, ZonedDateTime start, ZonedDateTime end) {

  public boolean contains(ZonedDateTime t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** "2026-12-06 白班（08:00–20:00）". */
  public String title() {
    return date + " " + label + "（" + start.toLocalTime() + "–" + end.toLocalTime() + "）";
  }
}
