package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceActivity;
import org.qingshan.server.device.DeviceRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 联网异常: a device silent for longer than it is expected to send plus a margin (or than its rule's
 * minutes) gets an offline alarm from the time it was last heard; the alarm ends with the time it
 * is heard again. A device never heard counts from when this checker first saw it registered.
 */
@Component
public class OfflineChecker {
  private final DeviceRegistry registry;
  private final DeviceActivity activity;
  private final AlarmCatalog catalog;
  private final AlarmBook book;
  private final JdbcClient jdbc;
  private final AlarmSettings settings;
  private final Clock clock;
  private final ZoneId zone;
  private final Map<Long, Instant> firstNoticed = new ConcurrentHashMap<>();

  OfflineChecker(
      DeviceRegistry registry,
      DeviceActivity activity,
      AlarmCatalog catalog,
      AlarmBook book,
      JdbcClient jdbc,
      AlarmSettings settings,
      Clock clock,
      ZoneId countyZone) {
    this.registry = registry;
    this.activity = activity;
    this.catalog = catalog;
    this.book = book;
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
    this.zone = countyZone;
  }

  @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
  void scheduled() {
    if (settings.enabled() && due()) {
      check(clock.instant());
    }
  }

  private volatile Instant lastCheck = Instant.MIN;

  private boolean due() {
    return !clock.instant().isBefore(lastCheck.plus(settings.checkInterval()));
  }

  /** Judges every device's silence as of {@code now}; returns the findings it wrote. */
  public synchronized List<Finding> check(Instant now) {
    lastCheck = now;
    RuleSet set = catalog.current();
    Set<Long> offline = new HashSet<>(offlineDevices());
    List<Finding> findings = new ArrayList<>();
    for (Device d : registry.all()) {
      if (d.blocked()) {
        continue;
      }
      Optional<AlarmRule> rule = set.offlineRule(d.id());
      if (rule.isEmpty()) {
        continue;
      }
      Duration allowed =
          rule.get().countOrMinutes().isPresent()
              ? Duration.ofMinutes(rule.get().countOrMinutes().getAsInt())
              : settings.expectedInterval().plus(settings.offlineMargin());
      Optional<Instant> heard =
          activity.lastPacket(d.mn()).or(() -> d.lastSeenAt().map(t -> t.toInstant()));
      Instant since = heard.orElseGet(() -> firstNoticed.computeIfAbsent(d.id(), x -> now));
      boolean silent = Duration.between(since, now).compareTo(allowed) > 0;
      if (silent && !offline.contains(d.id())) {
        long minutes = Duration.between(since, now).toMinutes();
        findings.add(finding(d, rule.get(), true, since, minutes));
      } else if (!silent && offline.contains(d.id()) && heard.isPresent()) {
        findings.add(finding(d, rule.get(), false, heard.get(), 0));
      }
    }
    book.apply(findings);
    return findings;
  }

  private Finding finding(Device d, AlarmRule rule, boolean raised, Instant at, long minutes) {
    RuleSet.DeviceRules rules = catalog.current().device(d.id());
    return new Finding(
        AlarmKey.device(d.id(), AlarmKey.NO_FACTOR, AlarmType.OFFLINE),
        raised,
        rule,
        LocalDateTime.ofInstant(at, zone),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.of(d.id()),
        rules.outletId,
        rules.enterpriseId,
        Optional.empty(),
        false,
        d.name() + " " + minutes + " 分钟无数据");
  }

  private List<Long> offlineDevices() {
    return jdbc.sql(
            "SELECT device_id FROM alarm WHERE type = 'OFFLINE' AND ended_at IS NULL AND status"
                + " <> 'CLOSED' AND device_id IS NOT NULL")
        .query(Long.class)
        .list();
  }
}
