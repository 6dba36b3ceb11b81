package org.qingshan.server.device;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.server.ingest.CommandStatus;

/** A command sent to a device, and its answer. */
public record DeviceCommand(
    long id,
    long deviceId,
    String qn,
    String cn,
    String description,
    String requestedBy,
    OffsetDateTime requestedAt,
    CommandStatus status,
    Optional<String> answer,
    Optional<OffsetDateTime> answeredAt) {}
