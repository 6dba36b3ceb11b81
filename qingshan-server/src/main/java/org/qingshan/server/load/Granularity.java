package org.qingshan.server.load;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** Hourly, daily, monthly or yearly loads. */
public enum Granularity {
  HOUR,
  DAY,
  MONTH,
  YEAR;

  /** The start of the period a data time falls in. */
  public LocalDateTime periodOf(LocalDateTime t) {
    return switch (this) {
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
    };
  }

  /** Large periods are told in tonnes, small ones in kilograms. */
  public boolean inTonnes() {
    return this == MONTH || this == YEAR;
  }

  public String label(LocalDateTime period) {
    return switch (this) {
      case HOUR -> period.toString().replace('T', ' ');
      case DAY -> period.toLocalDate().toString();
      case MONTH -> period.toLocalDate().toString().substring(0, 7);
      case YEAR -> Integer.toString(period.getYear());
    };
  }
}
