package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.registry.FacilityRepository;
import org.qingshan.server.registry.OutletRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rule set in force, compiled from the database: read again after a rule changes here and every
 * refresh interval for what other features change (limits, bindings, facilities).
 */
@Component
public class AlarmCatalog {
  private final AlarmRuleRepository rules;
  private final OutletRepository outlets;
  private final FacilityRepository facilities;
  private final CurtailmentRepository curtailments;
  private final JdbcClient jdbc;
  private final AlarmSettings settings;
  private final Clock clock;
  private volatile RuleSet current;
  private volatile Instant loadedAt = Instant.MIN;

  AlarmCatalog(
      AlarmRuleRepository rules,
      OutletRepository outlets,
      FacilityRepository facilities,
      CurtailmentRepository curtailments,
      JdbcClient jdbc,
      AlarmSettings settings,
      Clock clock) {
    this.rules = rules;
    this.outlets = outlets;
    this.facilities = facilities;
    this.curtailments = curtailments;
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
  }

  public RuleSet current() {
    RuleSet s = current;
    return s != null ? s : refresh();
  }

  /** Reads everything again now. */
  public synchronized RuleSet refresh() {
    Map<Long, Double> onPercent = new HashMap<>();
    jdbc.sql("SELECT facility_id, on_percent FROM facility_on_threshold")
        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
        .list()
        .forEach(e -> onPercent.put(e.getKey(), e.getValue()));
    RuleSet s =
        RuleSet.builder(settings)
            .rules(rules.enabled())
            .limits(outlets.allLimits())
            .deviceOutlets(outlets.deviceOutlets())
            .outlets(outlets.findAll())
            .facilities(facilities.findAll())
            .channels(facilities.channels())
            .links(facilities.links())
            .onPercent(onPercent)
            .curtailments(
                curtailments.findAll().stream()
                    .map(
                        p ->
                            new RuleSet.Curtailment(
                                p.enterpriseId(), p.facilityId(), p.start(), p.end()))
                    .toList())
            .build();
    current = s;
    loadedAt = clock.instant();
    return s;
  }

  /** Refreshes once the current transaction has committed (a rule or period changed). */
  public void refreshAfterCommit() {
    AfterCommit.run(this::refresh);
  }

  @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
  void refreshWhenDue() {
    if (!clock.instant().isBefore(loadedAt.plus(settings.refreshInterval()))) {
      refresh();
    }
  }
}
