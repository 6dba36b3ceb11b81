package org.qingshan.server.plandispatch;

import java.util.Map;

/**
 * A plan's new version was published and superseded version {@code fromPlanId}, in the publishing
 * transaction: features that keep state per task (a passed deadline told, …) carry it to the task
 * of the new version that descends from each old task ({@code descendants}: old task id → new task
 * id; a task merged into another or dropped has none). Published by plandispatch, which knows none
 * of its listeners.
 */
public record PlanVersionPublished(long fromPlanId, long toPlanId, Map<Long, Long> descendants) {
  public PlanVersionPublished {
    descendants = Map.copyOf(descendants);
  }
}
