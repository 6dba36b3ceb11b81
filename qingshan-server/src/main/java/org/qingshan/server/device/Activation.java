package org.qingshan.server.device;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A logger that asked for an MN, with its hardware fingerprint, and how far it got. */
public record Activation(
    String serial,
    String cpuId,
    String mac1,
    String mac2,
    String st,
    Optional<String> remoteAddr,
    long attempts,
    long mismatches,
    OffsetDateTime firstSeenAt,
    OffsetDateTime lastSeenAt,
    ActivationState state,
    Optional<String> assignedMn,
    Optional<Long> deviceId,
    Optional<String> assignQn,
    Optional<OffsetDateTime> stateAt) {}
