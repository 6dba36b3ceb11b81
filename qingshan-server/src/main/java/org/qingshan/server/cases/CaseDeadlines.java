package org.qingshan.server.cases;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
  private final Map<CaseType, Integer> typeDays;

  CaseDeadlines(CaseSettings settings, ZoneId zone) {
    this.settings = settings;
    this.zone = zone;
    this.typeDays = typeDays(settings.typeDays());
  }

  /** The days by case type in force, for the rules a page shows. */
  public Map<CaseType, Integer> typeDays() {
    return typeDays;
  }

  /** Parses {@code noise=7}; a wrong entry stops the start with a message naming it. */
  static Map<CaseType, Integer> typeDays(List<String> entries) {
    Map<CaseType, Integer> days = new EnumMap<>(CaseType.class);
    for (String entry : entries) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split("=", 2);
      Optional<CaseType> type = CaseType.ofCode(parts[0].trim());
      if (parts.length != 2 || type.isEmpty() || !parts[1].trim().matches("[1-9]\\d{0,3}")) {
        throw new IllegalStateException(
            "qingshan.cases.type-days: '"
                + entry
                + "' is not <type>=<days>, type one of "
                + Arrays.stream(CaseType.values()).map(CaseType::code).toList());
      }
      days.put(type.get(), Integer.parseInt(parts[1].trim()));
    }
    return Collections.unmodifiableMap(days);
  }

  public OffsetDateTime deadline(NewCase c, OffsetDateTime now) {
    if (c.source() == CaseSource.ALARM) {
      return now.plusHours(alarmHours(c));
    }
    int days =
        c.source() == CaseSource.PUBLIC_REPORT
            ? settings.publicCloseDays()
            : typeDays.getOrDefault(c.type(), settings.defaultDays());
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
