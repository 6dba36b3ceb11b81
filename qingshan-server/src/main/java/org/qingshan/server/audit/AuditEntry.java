package org.qingshan.server.audit;

import java.time.OffsetDateTime;
import java.util.Optional;

/** One recorded change: who, when, what, and the record before and after, as JSON. */
public record AuditEntry(
    long id,
    OffsetDateTime occurredAt,
    String actor,
    AuditAction action,
    String entityType,
    Optional<String> entityId,
    Optional<String> summary,
    Optional<String> beforeState,
    Optional<String> afterState,
    Optional<String> remoteAddr) {}
