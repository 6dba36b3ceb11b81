package org.qingshan.server.load;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Loads of one enterprise by period and pollutant, in kg (hours, days) or t (months, years), with
 * the totals of the whole range.
 */
public record LoadTable(
    Granularity granularity, List<String> pollutants, List<Row> rows, Map<String, Double> totals) {

  /** One period's loads. */
  public record Row(LocalDateTime period, String label, Map<String, Double> values) {
    public Double value(String pollutant) {
      return values.get(pollutant);
    }
  }

  static LoadTable of(Granularity g, List<LoadQueries.HourLoad> hours) {
    double unit = g.inTonnes() ? 1000 : 1;
    TreeSet<String> pollutants = new TreeSet<>();
    TreeMap<LocalDateTime, Map<String, Double>> byPeriod = new TreeMap<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (LoadQueries.HourLoad h : hours) {
      pollutants.add(h.pollutant());
      byPeriod
          .computeIfAbsent(g.periodOf(h.hour()), k -> new LinkedHashMap<>())
          .merge(h.pollutant(), h.kg() / unit, Double::sum);
      totals.merge(h.pollutant(), h.kg() / unit, Double::sum);
    }
    List<Row> rows = new ArrayList<>();
    byPeriod.forEach((p, v) -> rows.add(new Row(p, g.label(p), v)));
    return new LoadTable(g, List.copyOf(pollutants), rows, totals);
  }
}
