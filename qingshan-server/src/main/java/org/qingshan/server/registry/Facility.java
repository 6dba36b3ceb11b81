package org.qingshan.server.registry;

import java.util.OptionalDouble;

/** A production line or a treatment facility of an enterprise, with its rated load. */
public record Facility(
    long id,
    long enterpriseId,
    String name,
    FacilityKind kind,
    OptionalDouble ratedPowerKw,
    OptionalDouble ratedCurrentA) {}
