package org.qingshan.server.grid;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A grid member's patrol check-in: where and when, what they found, and the case a problem found
 * opened.
 */
public record Patrol(
    long id,
    long gridId,
    String username,
    OffsetDateTime at,
    Optional<Double> lat,
    Optional<Double> lng,
    String findings,
    boolean problem,
    Optional<Long> caseId) {}
