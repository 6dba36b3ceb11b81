package org.qingshan.server.alarm;

import java.util.Optional;

/**
 * What a list of alarms is filtered by; empty filters match everything.
 *
 * @param statuses OPEN_ONLY: not closed; CLOSED_ONLY: closed; ALL
 */
public record AlarmSearch(
    Optional<String> mn,
    Optional<AlarmType> type,
    StatusFilter statuses,
    Optional<Long> enterpriseId,
    Optional<String> town,
    Optional<String> industryCode) {

  /** Which statuses a search lists: open means not closed (open or acknowledged). */
  public enum StatusFilter {
    OPEN,
    CLOSED,
    ALL
  }

  public static AlarmSearch all() {
    return new AlarmSearch(
        Optional.empty(),
        Optional.empty(),
        StatusFilter.ALL,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public static AlarmSearch open() {
    return new AlarmSearch(
        Optional.empty(),
        Optional.empty(),
        StatusFilter.OPEN,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
