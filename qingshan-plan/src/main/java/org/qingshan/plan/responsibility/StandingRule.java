package org.qingshan.plan.responsibility;

import java.util.List;

/**
 * A rule a marker states for all later tasks (以下均需各镇（街道）人民政府落实，不再列出). It is recorded once for the
 * plan instead of being copied into every task.
 */
public record StandingRule(String text, List<String> units, int line) {

  public StandingRule {
    units = List.copyOf(units);
  }
}
