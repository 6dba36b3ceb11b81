package org.qingshan.server.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as people in the county read them: in the configured zone (China Standard Time), whatever
 * zone the database hands back. Used from templates as {@code @times}.
 */
@Component("times")
public class TimeFormat {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final ZoneId zone;
  private final Clock clock;

  /** The county's zone (a bean of the gateway's settings) and the server's one clock. */
  TimeFormat(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  /** Today in the county, whatever zone the server runs in. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  public ZoneId zone() {
    return zone;
  }

  public String seconds(Object time) {
    return format(time, SECONDS);
  }

  public String minutes(Object time) {
    return format(time, MINUTES);
  }

  private String format(Object time, DateTimeFormatter pattern) {
    if (time instanceof OffsetDateTime t) {
      return pattern.format(t.atZoneSameInstant(zone));
    }
    if (time instanceof Instant t) {
      return pattern.format(t.atZone(zone));
    }
    if (time instanceof LocalDateTime t) {
      return pattern.format(t);
    }
    return time == null ? "" : time.toString();
  }
}
