package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.load.EmissionLoads;
import org.qingshan.server.registry.PermitTotal;
import org.qingshan.server.registry.PermitTotalRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 排放总量: each enterprise's emission of a pollutant since the first of January, as the 排放量 page
 * computes it ({@link EmissionLoads}), against its permitted annual total. Approaching at {@code
 * permit-approaching-percent}, exceeded at {@code permit-exceeded-percent}; one alarm per
 * enterprise and pollutant for the year.
 */
@Component
public class PermitTotalChecker {
  private final PermitTotalRepository permits;
  private final AlarmCatalog catalog;
  private final AlarmBook book;
  private final EmissionLoads loads;
  private final AlarmSettings settings;
  private final Clock clock;
  private final ZoneId zone;
  private volatile Instant lastCheck = Instant.MIN;

  PermitTotalChecker(
      PermitTotalRepository permits,
      AlarmCatalog catalog,
      AlarmBook book,
      EmissionLoads loads,
      AlarmSettings settings,
      Clock clock,
      ZoneId countyZone) {
    this.permits = permits;
    this.catalog = catalog;
    this.book = book;
    this.loads = loads;
    this.settings = settings;
    this.clock = clock;
    this.zone = countyZone;
  }

  /** Sums are heavier than the offline check: at most every ten check intervals. */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void scheduled() {
    Instant now = clock.instant();
    if (settings.enabled()
        && !now.isBefore(lastCheck.plus(settings.checkInterval().multipliedBy(10)))) {
      check(now);
    }
  }

  /** Year-to-date totals as of {@code now}; returns what it found (raised or over). */
  public synchronized List<Finding> check(Instant now) {
    lastCheck = now;
    List<AlarmRule> rules = catalog.current().rulesOf(AlarmType.PERMIT_TOTAL);
    List<PermitTotal> all = permits.findAll();
    if (rules.isEmpty() || all.isEmpty()) {
      return List.of();
    }
    LocalDateTime local = LocalDateTime.ofInstant(now, zone);
    // the loads feature's year-to-date sums, kept in memory for rules: one formula for the 排放量
    // page and this rule, and no query per enterprise
    Map<Long, Map<String, Double>> emitted = loads.yearToDateTonnes();
    List<Finding> findings = new ArrayList<>();
    for (PermitTotal p : all) {
      Optional<AlarmRule> rule =
          rules.stream()
              .filter(r -> r.enterpriseId().map(e -> e == p.enterpriseId()).orElse(r.global()))
              .findFirst();
      if (rule.isEmpty() || p.tonnes() <= 0) {
        continue;
      }
      double tonnes =
          emitted.getOrDefault(p.enterpriseId(), Map.of()).getOrDefault(p.pollutant(), 0.0);
      double percent = tonnes / p.tonnes() * 100;
      double approaching = rule.get().threshold().orElse(settings.permitApproachingPercent());
      boolean exceeded = percent >= settings.permitExceededPercent();
      findings.add(
          new Finding(
              new AlarmKey(
                  AlarmKey.SourceKind.ENTERPRISE,
                  p.enterpriseId(),
                  p.pollutant(),
                  AlarmType.PERMIT_TOTAL),
              percent >= approaching,
              rule.get(),
              local,
              OptionalDouble.of(tonnes),
              OptionalDouble.of(p.tonnes()),
              Optional.empty(),
              Optional.empty(),
              Optional.of(p.enterpriseId()),
              Optional.empty(),
              false,
              p.pollutant()
                  + (exceeded ? " 年排放量已超过许可量 " : " 年排放量即将超过许可量 ")
                  + Evaluator.number(tonnes)
                  + " / "
                  + Evaluator.number(p.tonnes())
                  + " 吨"));
    }
    book.apply(findings);
    return findings;
  }
}
