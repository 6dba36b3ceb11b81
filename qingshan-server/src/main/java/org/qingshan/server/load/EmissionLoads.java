package org.qingshan.server.load;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.qingshan.server.registry.PermitTotal;
import org.qingshan.server.registry.PermitTotalRepository;
import org.springframework.stereotype.Component;

/**
 * Year-to-date emission loads against the permitted annual totals, in tonnes: the permit-total rule
 * of the alarm engine and the pages read them here. The year is the county's calendar year up to
 * the present hour.
 */
@Component
public class EmissionLoads {
  private static final double KG_PER_TONNE = 1000;
  private final LoadQueries queries;
  private final PermitTotalRepository permits;
  private final LoadSettings settings;
  private final YearToDateLoads yearToDate;
  private final EmissionClock clock;

  EmissionLoads(
      LoadQueries queries,
      PermitTotalRepository permits,
      LoadSettings settings,
      YearToDateLoads yearToDate,
      EmissionClock clock) {
    this.queries = queries;
    this.permits = permits;
    this.settings = settings;
    this.yearToDate = yearToDate;
    this.clock = clock;
  }

  /**
   * Tonnes of each pollutant each enterprise emitted this year so far, as of the last refresh of
   * the in-memory daily loads (qingshan.load.refresh-interval, a minute by default): fit for a rule
   * asked often about a year-long total.
   */
  public Map<Long, Map<String, Double>> yearToDateTonnes() {
    return yearToDate.tonnes();
  }

  /**
   * Counts a device's day again now, for hour data written other than by ingest (an import, a
   * correction): ingest's own data is counted at the next refresh.
   */
  public void recount(String mn, LocalDate day) {
    yearToDate.changed(mn, day);
    yearToDate.refresh();
  }

  /** Tonnes of each pollutant the enterprise emitted this year so far, read from the store now. */
  public Map<String, Double> yearToDateTonnes(long enterpriseId) {
    LocalDateTime now = now();
    return tonnes(queries.totals(enterpriseId, startOfYear(now), now.plusHours(1)));
  }

  /** Every pollutant of the enterprise that has a permit or a load this year, permits first. */
  public List<PermitUse> permitUse(long enterpriseId) {
    Map<String, Double> toDate = yearToDateTonnes(enterpriseId);
    Map<String, Double> permitted = new LinkedHashMap<>();
    for (PermitTotal p : permits.ofEnterprise(enterpriseId)) {
      permitted.put(p.pollutant(), p.tonnes());
    }
    List<PermitUse> out = new ArrayList<>();
    TreeSet<String> rest = new TreeSet<>(toDate.keySet());
    rest.removeAll(permitted.keySet());
    permitted.forEach(
        (pollutant, tonnes) ->
            out.add(use(enterpriseId, pollutant, toDate.getOrDefault(pollutant, 0.0), tonnes)));
    for (String pollutant : rest) {
      out.add(
          new PermitUse(
              enterpriseId,
              pollutant,
              toDate.get(pollutant),
              OptionalDouble.empty(),
              PermitStatus.NORMAL));
    }
    return out;
  }

  /** Where {@code tonnes} so far stand against {@code permitted} a year. */
  public PermitStatus status(double tonnes, double permitted) {
    if (permitted <= 0) {
      return tonnes > 0 ? PermitStatus.EXCEEDED : PermitStatus.NORMAL;
    }
    double ratio = tonnes / permitted;
    if (ratio >= settings.exceededRatio()) {
      return PermitStatus.EXCEEDED;
    }
    return ratio >= settings.approachingRatio() ? PermitStatus.APPROACHING : PermitStatus.NORMAL;
  }

  private PermitUse use(long enterpriseId, String pollutant, double tonnes, double permitted) {
    return new PermitUse(
        enterpriseId, pollutant, tonnes, OptionalDouble.of(permitted), status(tonnes, permitted));
  }

  LocalDateTime now() {
    return clock.now();
  }

  private static LocalDateTime startOfYear(LocalDateTime now) {
    return now.toLocalDate().withDayOfYear(1).atStartOfDay();
  }

  private static Map<String, Double> tonnes(Map<String, Double> kg) {
    Map<String, Double> out = new LinkedHashMap<>();
    kg.forEach((p, v) -> out.put(p, v / KG_PER_TONNE));
    return out;
  }
}
