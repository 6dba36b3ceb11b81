package org.qingshan.server.roster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured shifts and the slots they make: which slot a moment falls in, which comes next,
 * which came before. Pure arithmetic over the settings, so that any {@code now} can be asked.
 */
@Component
public class RosterShifts {
  private final List<RosterSettings.Shift> shifts;
  private final ZoneId zone;
  private final UnaryOperator<String> bundleLabel;

  @Autowired
  RosterShifts(RosterSettings settings, ZoneId zone, Messages messages) {
    this(settings, zone, code -> messages.getOrElse("roster.shift." + code, code));
  }

  /** With the label of a shift without a name given as a function of its code. */
  RosterShifts(RosterSettings settings, ZoneId zone, UnaryOperator<String> bundleLabel) {
    this.shifts = settings.shifts();
    this.zone = zone;
    this.bundleLabel = bundleLabel;
  }

  public List<RosterSettings.Shift> all() {
    return shifts;
  }

  public ZoneId zone() {
    return zone;
  }

  public String label(String code) {
    return shifts.stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .map(this::label)
        .orElse(code);
  }

  public String label(RosterSettings.Shift s) {
    return s.name().isEmpty() ? bundleLabel.apply(s.code()) : s.name();
  }

  /** The shift of that code, or {@code roster.shift.unknown}. */
  public RosterSettings.Shift require(String code) {
    return shifts.stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new UserFacingException("roster.shift.unknown", code));
  }

  public ShiftSlot slot(LocalDate date, String code) {
    RosterSettings.Shift s = require(code);
    ZonedDateTime start = date.atTime(s.startTime()).atZone(zone);
    ZonedDateTime end = (s.overnight() ? date.plusDays(1) : date).atTime(s.endTime()).atZone(zone);
    return new ShiftSlot(date, s.code(), label(s), start, end);
  }

  /** The slots of a day, in order. */
  public List<ShiftSlot> slotsOf(LocalDate date) {
    return shifts.stream().map(s -> slot(date, s.code())).toList();
  }

  /** The slot the moment falls in; empty where the shifts leave a gap. */
  public Optional<ShiftSlot> at(ZonedDateTime now) {
    ZonedDateTime t = now.withZoneSameInstant(zone);
    LocalDate today = t.toLocalDate();
    // a night shift of yesterday may still run this morning
    for (LocalDate d : List.of(today.minusDays(1), today)) {
      for (ShiftSlot s : slotsOf(d)) {
        if (s.contains(t)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /** The slot that starts when (or next after) this one ends: who takes over. */
  public ShiftSlot next(ShiftSlot slot) {
    return around(slot.date()).stream()
        .filter(s -> !s.start().isBefore(slot.end()))
        .min(Comparator.comparing(ShiftSlot::start))
        .orElseThrow();
  }

  /** The slot that ends when (or last before) this one starts: who handed over. */
  public ShiftSlot previous(ShiftSlot slot) {
    return around(slot.date()).stream()
        .filter(s -> !s.end().isAfter(slot.start()))
        .max(Comparator.comparing(ShiftSlot::end))
        .orElseThrow();
  }

  private List<ShiftSlot> around(LocalDate date) {
    List<ShiftSlot> slots = new ArrayList<>();
    for (int d = -2; d <= 2; d++) {
      slots.addAll(slotsOf(date.plusDays(d)));
    }
    return slots;
  }
}
