package org.qingshan.server.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The deadlines of a new case: alarms in hours by severity, public reports by the 12369 days
 * (accept, close), other cases by type or the default. Days are counted in the county's zone.
 */
@Component
public class CaseDeadlines {
  private final CaseSettings settings;
  private final ZoneId zone;

  CaseDeadlines(CaseSettings settings, ZoneId zone) {
    this.settings = settings;
    this.zone = zone;
  }

  public OffsetDateTime deadline(NewCase c, OffsetDateTime now) {
    if (c.source() == CaseSource.ALARM) {
      return now.plusHours(alarmHours(c));
    }
    int days =
        c.source() == CaseSource.PUBLIC_REPORT
            ? settings.publicCloseDays()
            : settings.defaultDays();
    return plusDays(now, days);
  }

  private int alarmHours(NewCase c) {
    return switch (c.severity()) {
      case CRITICAL -> settings.alarmHoursCritical();
      case MAJOR -> settings.alarmHoursMajor();
      case MINOR -> settings.alarmHoursMinor();
      case WARNING -> settings.alarmHoursWarning();
    };
  }

  /** When the bureau must have accepted or refused: public reports only. */
  public Optional<OffsetDateTime> acceptBy(NewCase c, OffsetDateTime now) {
    return c.source() == CaseSource.PUBLIC_REPORT
        ? Optional.of(plusDays(now, settings.publicAcceptDays()))
        : Optional.empty();
  }

  /** The latest deadline an extension may set. */
  public OffsetDateTime longestExtension(OffsetDateTime deadline) {
    return plusDays(deadline, settings.maxExtensionDays());
  }

  private OffsetDateTime plusDays(OffsetDateTime t, int days) {
    return t.atZoneSameInstant(zone).plusDays(days).toOffsetDateTime();
  }
}
