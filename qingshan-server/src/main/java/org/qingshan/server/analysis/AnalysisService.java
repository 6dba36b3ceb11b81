package org.qingshan.server.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/** The cases a filter takes and their figures at the server's time. */
@Service
public class AnalysisService {
  private final AnalysisRepository repository;
  private final AnalysisSettings settings;
  private final Clock clock;
  private final ZoneId zone;

  AnalysisService(
      AnalysisRepository repository, AnalysisSettings settings, Clock clock, ZoneId zone) {
    this.repository = repository;
    this.settings = settings;
    this.clock = clock;
    this.zone = zone;
  }

  public CaseStats stats(CaseFilter filter) {
    return new CaseStats(repository.facts(filter), OffsetDateTime.now(clock));
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  public ZoneId zone() {
    return zone;
  }

  /** The default period: the configured months up to today. */
  public LocalDate defaultFrom() {
    return today().minusMonths(settings.defaultMonths()).plusDays(1);
  }

  public int repeatOffenderCases() {
    return settings.repeatOffenderCases();
  }

  public List<String> towns() {
    return repository.towns();
  }

  public List<String> industries() {
    return repository.industries();
  }
}
