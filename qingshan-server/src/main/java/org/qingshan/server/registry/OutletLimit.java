package org.qingshan.server.registry;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The limit of one factor at one outlet over one averaging period. A corrected limit is judged on
 * the 折算 value at {@code referenceO2}; {@code lowerLimit} serves factors with a range, such as pH.
 */
public record OutletLimit(
    long id,
    long outletId,
    String factor,
    Averaging averaging,
    double limit,
    OptionalDouble lowerLimit,
    String unit,
    Optional<String> standard,
    boolean corrected,
    OptionalDouble referenceO2) {}
