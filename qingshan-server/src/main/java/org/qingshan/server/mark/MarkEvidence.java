package org.qingshan.server.mark;

import java.time.OffsetDateTime;

/** A file filed as evidence for a mark; {@code storedName} is its random name on disk. */
public record MarkEvidence(
    long id,
    long markId,
    String fileName,
    String contentType,
    long sizeBytes,
    String storedName,
    String uploadedBy,
    OffsetDateTime uploadedAt) {}
