package org.qingshan.server.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.registry.PermitTotal;
import org.qingshan.server.registry.PermitTotalRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 排放总量: each enterprise's emission of a pollutant since the first of January against its permitted
 * annual total, from the hour means of its outlets' devices — gas: measured (not 折算) concentration
 * × standard dry flow (a00000, m³/h); water: concentration (mg/L) × the hour's volume (w00000 Cou,
 * m³). Approaching at {@code permit-approaching-percent}, exceeded at {@code
 * permit-exceeded-percent}; one alarm per enterprise and pollutant for the year.
 */
@Component
public class PermitTotalChecker {
  private static final String GAS =
      "SELECT o.enterprise_id, p.factor, SUM(p.val * q.val) * 1e-9 FROM observation p"
          + " JOIN observation q ON q.device_id = p.device_id AND q.kind = p.kind"
          + " AND q.data_time = p.data_time AND q.factor = 'a00000'"
          + " JOIN device_outlet b ON b.device_id = p.device_id JOIN outlet o ON o.id = b.outlet_id"
          + " WHERE p.kind = 'HOUR' AND p.data_time >= :y AND p.data_time < :end"
          + " AND p.factor IN (:f) AND o.kind = 'GAS' GROUP BY o.enterprise_id, p.factor";
  private static final String WATER =
      "SELECT o.enterprise_id, p.factor, SUM(p.val * q.cou_val) * 1e-6 FROM observation p"
          + " JOIN observation q ON q.device_id = p.device_id AND q.kind = p.kind"
          + " AND q.data_time = p.data_time AND q.factor = 'w00000'"
          + " JOIN device_outlet b ON b.device_id = p.device_id JOIN outlet o ON o.id = b.outlet_id"
          + " WHERE p.kind = 'HOUR' AND p.data_time >= :y AND p.data_time < :end"
          + " AND p.factor IN (:f) AND o.kind = 'WATER' GROUP BY o.enterprise_id, p.factor";

  private final PermitTotalRepository permits;
  private final AlarmCatalog catalog;
  private final AlarmBook book;
  private final JdbcClient jdbc;
  private final AlarmSettings settings;
  private final Clock clock;
  private final ZoneId zone;
  private volatile Instant lastCheck = Instant.MIN;

  PermitTotalChecker(
      PermitTotalRepository permits,
      AlarmCatalog catalog,
      AlarmBook book,
      JdbcClient jdbc,
      AlarmSettings settings,
      Clock clock,
      ZoneId countyZone) {
    this.permits = permits;
    this.catalog = catalog;
    this.book = book;
    this.jdbc = jdbc;
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
    LocalDateTime year = LocalDate.of(local.getYear(), 1, 1).atStartOfDay();
    List<String> pollutants = all.stream().map(PermitTotal::pollutant).distinct().toList();
    Map<String, Double> emitted = new HashMap<>();
    for (String sql : List.of(GAS, WATER)) {
      jdbc.sql(sql)
          .param("y", Timestamp.valueOf(year))
          .param("end", Timestamp.valueOf(local))
          .param("f", pollutants)
          .query(
              (rs, n) -> {
                emitted.merge(rs.getLong(1) + "/" + rs.getString(2), rs.getDouble(3), Double::sum);
                return null;
              })
          .list();
    }
    List<Finding> findings = new ArrayList<>();
    for (PermitTotal p : all) {
      Optional<AlarmRule> rule =
          rules.stream()
              .filter(r -> r.enterpriseId().map(e -> e == p.enterpriseId()).orElse(r.global()))
              .findFirst();
      if (rule.isEmpty() || p.tonnes() <= 0) {
        continue;
      }
      double tonnes = emitted.getOrDefault(p.enterpriseId() + "/" + p.pollutant(), 0.0);
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
