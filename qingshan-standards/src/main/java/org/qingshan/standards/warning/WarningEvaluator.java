package org.qingshan.standards.warning;

import java.util.List;
import java.util.Optional;

/** Which warning level a forecast reaches under a threshold table. */
public final class WarningEvaluator {
  private WarningEvaluator() {}

  /** The most severe level whose rule holds, or empty when no warning is due. */
  public static Optional<WarningLevel> level(WarningThresholds table, AqiForecast forecast) {
    WarningLevel reached = null;
    for (WarningRule rule : table.rules()) {
      if (holds(rule, forecast) && (reached == null || rule.level().compareTo(reached) > 0)) {
        reached = rule.level();
      }
    }
    return Optional.ofNullable(reached);
  }

  static boolean holds(WarningRule rule, AqiForecast forecast) {
    for (List<WarningCriterion> all : rule.anyOf()) {
      boolean ok = true;
      for (WarningCriterion c : all) {
        boolean occurs = forecast.aqi().stream().anyMatch(v -> v > c.aqiAbove());
        if (!occurs || forecast.longestRunAbove(c.aqiAbove()).compareTo(c.duration()) < 0) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }
}
