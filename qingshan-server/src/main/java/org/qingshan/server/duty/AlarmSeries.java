package org.qingshan.server.duty;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.device.FactorNames;
import org.qingshan.server.device.MonitoringQueries;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.springframework.stereotype.Component;

/**
 * The data that triggered an alarm: its factor's values from a while before it started to a while
 * after it last held (or ended), in the kind of data its rule judges, with the limit to draw.
 */
@Component
public class AlarmSeries {
  private final MonitoringQueries queries;
  private final FactorNames factorNames;

  AlarmSeries(MonitoringQueries queries, FactorNames factorNames) {
    this.queries = queries;
    this.factorNames = factorNames;
  }

  /** For the chart: {factor, label, kind, time: [...], value: [...], limit, start, end}. */
  public Map<String, Object> of(DutyAlarm alarm) {
    Map<String, Object> out = new LinkedHashMap<>();
    ObservationKind kind = kind(alarm);
    List<String> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    if (alarm.deviceId().isPresent() && alarm.factor().isPresent()) {
      Duration margin = margin(kind);
      LocalDateTime end = alarm.endedAt().orElse(alarm.lastSeenAt());
      for (Observation o :
          queries.series(
              alarm.deviceId().get(),
              kind,
              alarm.factor().get(),
              alarm.startedAt().minus(margin),
              end.plus(margin))) {
        times.add(text(o.dataTime()));
        values.add(o.value().isPresent() ? o.value().getAsDouble() : null);
      }
    }
    out.put("factor", alarm.factor().orElse(""));
    out.put("label", alarm.factor().map(factorNames::label).orElse(""));
    out.put("kind", kind.name());
    out.put("time", times);
    out.put("value", values);
    out.put("limit", alarm.limit().isPresent() ? alarm.limit().getAsDouble() : null);
    out.put("start", text(alarm.startedAt()));
    out.put("end", text(alarm.endedAt().orElse(alarm.lastSeenAt())));
    return out;
  }

  /** The rule's kind of data; hour data where the rule names none. */
  static ObservationKind kind(DutyAlarm alarm) {
    String named = alarm.rule().flatMap(DutyAlarm.Rule::dataKind).orElse("HOUR");
    for (ObservationKind k : ObservationKind.values()) {
      if (k.name().equalsIgnoreCase(named)) {
        return k;
      }
    }
    return ObservationKind.HOUR;
  }

  static Duration margin(ObservationKind kind) {
    return switch (kind) {
      case REALTIME, MINUTE -> Duration.ofHours(2);
      case HOUR -> Duration.ofHours(24);
      case DAY -> Duration.ofDays(10);
    };
  }

  private static String text(LocalDateTime t) {
    return t.toString().replace('T', ' ');
  }
}
