package org.qingshan.server.roster;

import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The duty roster ({@code qingshan.roster.*}).
 *
 * @param shifts the shifts of a day in order, each {@code code}, {@code name} (empty: the bundle's
 *     {@code roster.shift.<code>}), {@code start} and {@code end} as {@code HH:mm}; a shift whose
 *     end is not after its start runs into the next day. By default 白班 08:00–20:00 and 夜班
 *     20:00–08:00.
 */
@ConfigurationProperties("qingshan.roster")
public record RosterSettings(List<Shift> shifts) {
  public RosterSettings {
    shifts =
        shifts == null || shifts.isEmpty()
            ? List.of(
                new Shift("day", "", "08:00", "20:00"), new Shift("night", "", "20:00", "08:00"))
            : List.copyOf(shifts);
  }

  /** One shift of the day; times in the county's zone. */
  public record Shift(String code, String name, String start, String end) {
    public Shift {
      name = name == null ? "" : name.trim();
    }

    public LocalTime startTime() {
      return LocalTime.parse(start);
    }

    public LocalTime endTime() {
      return LocalTime.parse(end);
    }

    /** Does the shift run past midnight into the next day? */
    public boolean overnight() {
      return !endTime().isAfter(startTime());
    }
  }
}
