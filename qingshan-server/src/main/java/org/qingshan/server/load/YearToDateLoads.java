package org.qingshan.server.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.PacketsStored;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This year's loads of every enterprise by day, held in memory for the permit-total rule, which
 * asks for all enterprises at once: summing them from a year of hour data at each ask would scan
 * the year. The year is read once; after that, the ingest event notes which device's days got new
 * hour data (late data too) and a job recomputes only those days, so a figure is at most one
 * refresh interval behind the store.
 */
@Component
class YearToDateLoads {
  private static final Logger log = LoggerFactory.getLogger(YearToDateLoads.class);
  private static final String HOUR_DATA = CommandCode.HOUR_DATA;

  private record DeviceDay(String mn, LocalDate day) {}

  private final Set<DeviceDay> dirty = ConcurrentHashMap.newKeySet();
  private final LoadQueries queries;
  private final DeviceRegistry devices;
  private final OutletRepository outlets;
  private final EmissionClock clock;

  /** kg by enterprise, day and pollutant, of {@code year}; replaced per day, never mutated. */
  private volatile Map<Long, Map<LocalDate, Map<String, Double>>> days;

  private volatile int year;

  YearToDateLoads(
      LoadQueries queries, DeviceRegistry devices, OutletRepository outlets, EmissionClock clock) {
    this.queries = queries;
    this.devices = devices;
    this.outlets = outlets;
    this.clock = clock;
  }

  /** On the writer thread: only notes the device and day of each new hour packet. */
  @EventListener
  void stored(PacketsStored commit) {
    for (ReceivedPacket p : commit.stored()) {
      if (HOUR_DATA.equals(p.packet().cn())) {
        p.packet()
            .cp()
            .dataTime()
            .ifPresent(t -> dirty.add(new DeviceDay(p.packet().mn(), t.toLocalDate())));
      }
    }
  }

  /** Notes a device's day as changed (for data written other than by ingest). */
  void changed(String mn, LocalDate day) {
    dirty.add(new DeviceDay(mn, day));
  }

  /** Tonnes of each pollutant each enterprise emitted this year, as of the last refresh. */
  Map<Long, Map<String, Double>> tonnes() {
    Map<Long, Map<LocalDate, Map<String, Double>>> current = current();
    Map<Long, Map<String, Double>> out = new LinkedHashMap<>();
    current.forEach(
        (enterprise, byDay) -> {
          Map<String, Double> sums = new LinkedHashMap<>();
          byDay.values().forEach(m -> m.forEach((p, kg) -> sums.merge(p, kg / 1000, Double::sum)));
          out.put(enterprise, sums);
        });
    return out;
  }

  @Scheduled(
      fixedDelayString = "${qingshan.load.refresh-interval:PT1M}",
      initialDelayString = "${qingshan.load.refresh-interval:PT1M}")
  synchronized void refresh() {
    LocalDateTime now = clock.now();
    if (days == null || year != now.getYear()) {
      reload(now);
      return;
    }
    Map<Long, Map<LocalDate, Map<String, Double>>> next = new HashMap<>(days);
    int count = 0;
    for (DeviceDay d : Set.copyOf(dirty)) {
      dirty.remove(d);
      if (d.day().getYear() != year) {
        continue;
      }
      Optional<Long> enterprise = enterpriseOf(d.mn());
      if (enterprise.isEmpty()) {
        continue;
      }
      Map<LocalDate, Map<String, Double>> byDay =
          new HashMap<>(next.getOrDefault(enterprise.get(), Map.of()));
      byDay.put(
          d.day(),
          Map.copyOf(
              queries.totals(
                  enterprise.get(), d.day().atStartOfDay(), d.day().plusDays(1).atStartOfDay())));
      next.put(enterprise.get(), Map.copyOf(byDay));
      count++;
    }
    if (count > 0) {
      days = Map.copyOf(next);
      log.debug("year-to-date loads: {} device days recomputed", count);
    }
  }

  private Map<Long, Map<LocalDate, Map<String, Double>>> current() {
    Map<Long, Map<LocalDate, Map<String, Double>>> d = days;
    if (d == null || year != clock.now().getYear()) {
      refresh();
      d = days;
    }
    return d;
  }

  private void reload(LocalDateTime now) {
    dirty.clear();
    LocalDateTime start = now.toLocalDate().withDayOfYear(1).atStartOfDay();
    Map<Long, Map<LocalDate, Map<String, Double>>> read =
        queries.dailyTotals(start, start.plusYears(1));
    Map<Long, Map<LocalDate, Map<String, Double>>> copy = new HashMap<>();
    read.forEach((e, byDay) -> copy.put(e, Map.copyOf(byDay)));
    days = Map.copyOf(copy);
    year = now.getYear();
  }

  private Optional<Long> enterpriseOf(String mn) {
    OptionalLong device = devices.idOf(mn);
    if (device.isEmpty()) {
      return Optional.empty();
    }
    return outlets
        .outletOfDevice(device.getAsLong())
        .flatMap(outlets::findById)
        .map(Outlet::enterpriseId);
  }
}
