package org.qingshan.server.alarm;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the evaluator found in data: a condition seen ({@code raised}) or a condition over (the
 * first periods back within the rule), with the context an alarm row carries.
 *
 * @param dataTime the data time of the data that showed it
 * @param late found in re-sent or back-filled data
 */
public record Finding(
    AlarmKey key,
    boolean raised,
    AlarmRule rule,
    LocalDateTime dataTime,
    OptionalDouble value,
    OptionalDouble limit,
    Optional<Long> deviceId,
    Optional<Long> outletId,
    Optional<Long> enterpriseId,
    Optional<Long> facilityId,
    boolean late,
    String message) {}
