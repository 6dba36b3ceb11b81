package org.qingshan.server.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 值班日志 of one day: who stood which shift, the alarms raised and closed, the cases opened and
 * closed, and the hand-over notes.
 */
public record DutyLog(
    LocalDate date,
    List<Shift> shifts,
    List<Row> alarmsRaised,
    List<Row> alarmsClosed,
    List<Row> casesOpened,
    List<Row> casesClosed,
    List<HandoverNote> notes) {

  /** A shift of the day and the names of those on it. */
  public record Shift(ShiftSlot slot, List<String> people) {}

  /**
   * One line of the log.
   *
   * @param ref the number people quote (the alarm's id, the case number)
   * @param kind the type or status label
   * @param link the record's page
   */
  public record Row(
      OffsetDateTime at,
      String ref,
      String kind,
      String title,
      String detail,
      String by,
      String link) {}
}
