package org.qingshan.server.ingest;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One value of one factor of one device at one time (local time of the protocol). {@code value} is
 * the real-time value (Rtd) or the period's average (Avg); {@code converted} its 折算 value.
 */
public record Observation(
    long deviceId,
    ObservationKind kind,
    String factor,
    LocalDateTime dataTime,
    OptionalDouble value,
    OptionalDouble min,
    OptionalDouble max,
    OptionalDouble cou,
    OptionalDouble converted,
    Optional<String> flag) {}
