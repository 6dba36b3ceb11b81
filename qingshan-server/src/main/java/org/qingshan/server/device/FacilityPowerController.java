package org.qingshan.server.device;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.UserFacingException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An electricity meter's facilities on one time axis: the current of every production facility
 * ({@code d2..04..}) beside that of every treatment facility ({@code d3..04..}), and the production
 * states the device sends (ST=45, {@code p…} marks), so that a production line running while its
 * treatment stands still shows at a glance.
 */
@RestController
class FacilityPowerController {
  /** A facility's current: d + class + parameter 04 + facility number. */
  private static final Pattern CURRENT = Pattern.compile("d[23]04\\d{2}");

  private final DeviceRegistry registry;
  private final MonitoringQueries queries;
  private final CurrentUser currentUser;
  private final FactorNames names;
  private final ProductionStateQueries states;
  private final ProductionStateCodes stateCodes;
  private final ZoneId zone;

  FacilityPowerController(
      DeviceRegistry registry,
      MonitoringQueries queries,
      CurrentUser currentUser,
      FactorNames names,
      ProductionStateQueries states,
      ProductionStateCodes stateCodes,
      ZoneId countyZone) {
    this.registry = registry;
    this.queries = queries;
    this.currentUser = currentUser;
    this.names = names;
    this.states = states;
    this.stateCodes = stateCodes;
    this.zone = countyZone;
  }

  /**
   * {time: [...], series: [{code, name, production, value: [...]}], states: [{code, name, value:
   * [...]}], marks: [...]} over the last hours, every series on the same times (null where a
   * facility sent nothing then); a state's values are labels of its marks, {@code marks} all of
   * them in order of appearance.
   */
  @GetMapping("/devices/{id}/facilities")
  Map<String, Object> facilities(
      @PathVariable long id, @RequestParam(defaultValue = "24") int hours) {
    Device d =
        currentUser.requireVisible(
            DeviceRegistry.ENTITY,
            id,
            registry.find(id).orElseThrow(() -> new UserFacingException("error.not-found")));
    LocalDateTime to = LocalDateTime.now(zone).plusMinutes(1);
    LocalDateTime from = to.minusHours(Math.min(Math.max(hours, 1), 24 * 7));
    List<String> codes =
        queries.factors(d.id(), ObservationKind.REALTIME, from).stream()
            .filter(c -> CURRENT.matcher(c).matches())
            .sorted()
            .toList();
    Map<String, Map<LocalDateTime, Double>> byCode = new LinkedHashMap<>();
    TreeSet<LocalDateTime> times = new TreeSet<>();
    for (String code : codes) {
      Map<LocalDateTime, Double> points = new LinkedHashMap<>();
      for (Observation o : queries.series(d.id(), ObservationKind.REALTIME, code, from, to)) {
        times.add(o.dataTime());
        o.value().ifPresent(v -> points.put(o.dataTime(), v));
      }
      byCode.put(code, points);
    }
    Map<String, Map<LocalDateTime, String>> stateByCode = new TreeMap<>();
    Set<String> marks = new LinkedHashSet<>();
    for (ProductionStateQueries.Point p : states.between(d.id(), from, to)) {
      String label = stateCodes.label(p.mark());
      times.add(p.time());
      marks.add(label);
      stateByCode.computeIfAbsent(p.code(), c -> new LinkedHashMap<>()).put(p.time(), label);
    }
    List<Map<String, Object>> stateSeries = new ArrayList<>();
    stateByCode.forEach(
        (code, points) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("code", code);
          s.put("name", stateCodes.name(code).map(n -> n + " (" + code + ")").orElse(code));
          s.put("value", times.stream().map(points::get).toList());
          stateSeries.add(s);
        });
    List<Map<String, Object>> series = new ArrayList<>();
    byCode.forEach(
        (code, points) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("code", code);
          s.put("name", names.label(code));
          s.put("production", code.charAt(1) == '2');
          s.put("value", times.stream().map(points::get).toList());
          series.add(s);
        });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("time", times.stream().map(t -> t.toString().replace('T', ' ')).toList());
    out.put("series", series);
    out.put("states", stateSeries);
    out.put("marks", List.copyOf(marks));
    return out;
  }
}
