package org.qingshan.server.registry;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;

/** A value judged against the limit of its factor and averaging period, for pages and charts. */
public record LimitCheck(Observation observation, Optional<OutletLimit> limit) {

  /** The kind of data a limit's averaging period is judged on. */
  public static ObservationKind kindOf(Averaging a) {
    return switch (a) {
      case REALTIME -> ObservationKind.REALTIME;
      case HOUR -> ObservationKind.HOUR;
      case DAY -> ObservationKind.DAY;
    };
  }

  /** The limit among {@code limits} that applies to the observation's factor and kind. */
  public static LimitCheck of(Observation o, List<OutletLimit> limits) {
    return new LimitCheck(
        o,
        limits.stream()
            .filter(l -> l.factor().equals(o.factor()) && kindOf(l.averaging()) == o.kind())
            .findFirst());
  }

  /** The value the limit is judged on: the 折算 value where the limit is corrected. */
  public OptionalDouble judged() {
    if (limit.isPresent() && limit.get().corrected()) {
      return observation.converted();
    }
    return observation.value();
  }

  /** Whether the judged value is above the limit (or below its lower limit). */
  public boolean exceeds() {
    OptionalDouble v = judged();
    return limit.isPresent() && v.isPresent() && exceeds(limit.get(), v.getAsDouble());
  }

  public static boolean exceeds(OutletLimit l, double value) {
    return value > l.limit()
        || (l.lowerLimit().isPresent() && value < l.lowerLimit().getAsDouble());
  }
}
