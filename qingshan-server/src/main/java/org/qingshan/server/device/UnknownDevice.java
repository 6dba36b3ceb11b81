package org.qingshan.server.device;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.hj212.gateway.AuthResult;

/** A device the gateway turned away, for an admin to register or block. */
public record UnknownDevice(
    String mn,
    Optional<String> st,
    AuthResult reason,
    Optional<String> remoteAddr,
    long attempts,
    OffsetDateTime firstSeenAt,
    OffsetDateTime lastSeenAt,
    Optional<String> lastPacket) {}
