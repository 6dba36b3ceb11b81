package org.qingshan.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which shift a moment falls in, and which shift hands over to which, for any moment. */
class RosterShiftsTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static RosterShifts defaults() {
    return new RosterShifts(new RosterSettings(List.of()), SHANGHAI, code -> "班次" + code);
  }

  @Test
  void aNightShiftBelongsToTheDayItStartsAndRunsIntoTheMorning() {
    RosterShifts shifts = defaults();
    ShiftSlot early = shifts.at(ZonedDateTime.of(2026, 12, 6, 3, 0, 0, 0, SHANGHAI)).orElseThrow();
    assertThat(early.date()).isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(early.shift()).isEqualTo("night");
    ShiftSlot eight = shifts.at(ZonedDateTime.of(2026, 12, 6, 8, 0, 0, 0, SHANGHAI)).orElseThrow();
    assertThat(eight.date()).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(eight.shift()).isEqualTo("day");
    ShiftSlot evening =
        shifts.at(ZonedDateTime.of(2026, 12, 6, 19, 59, 59, 0, SHANGHAI)).orElseThrow();
    assertThat(evening.shift()).isEqualTo("day");
    // the same instant in UTC is read in the county's zone: 12:30 UTC is 20:30 in Beijing
    ShiftSlot utc =
        shifts.at(ZonedDateTime.of(2026, 12, 6, 12, 30, 0, 0, ZoneId.of("UTC"))).orElseThrow();
    assertThat(utc.shift()).isEqualTo("night");
    assertThat(utc.date()).isEqualTo(LocalDate.of(2026, 12, 6));
  }

  @Test
  void theNightHandsOverToTheNextDayAndTheDayToItsNight() {
    RosterShifts shifts = defaults();
    ShiftSlot night = shifts.slot(LocalDate.of(2026, 12, 5), "night");
    assertThat(shifts.next(night)).isEqualTo(shifts.slot(LocalDate.of(2026, 12, 6), "day"));
    ShiftSlot day = shifts.slot(LocalDate.of(2026, 12, 6), "day");
    assertThat(shifts.next(day)).isEqualTo(shifts.slot(LocalDate.of(2026, 12, 6), "night"));
    assertThat(shifts.previous(day)).isEqualTo(night);
  }

  @Test
  void configuredShiftsMayLeaveAGap() {
    RosterShifts office =
        new RosterShifts(
            new RosterSettings(List.of(new RosterSettings.Shift("office", "日间", "09:00", "17:00"))),
            SHANGHAI,
            code -> code);
    assertThat(office.at(ZonedDateTime.of(2026, 12, 6, 18, 0, 0, 0, SHANGHAI))).isEmpty();
    ShiftSlot today = office.slot(LocalDate.of(2026, 12, 6), "office");
    assertThat(today.label()).isEqualTo("日间");
    assertThat(office.next(today).date()).isEqualTo(LocalDate.of(2026, 12, 7));
  }
}
