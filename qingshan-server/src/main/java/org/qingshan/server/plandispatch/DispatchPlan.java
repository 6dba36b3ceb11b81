package org.qingshan.server.plandispatch;

import java.time.OffsetDateTime;
import java.util.Optional;

/** One version of a stored plan; versions of the same plan share {@code seriesId}. */
public record DispatchPlan(
    long id,
    long seriesId,
    int version,
    String title,
    DispatchPlanStatus status,
    String sourceFile,
    String createdBy,
    OffsetDateTime createdAt,
    Optional<String> publishedBy,
    Optional<OffsetDateTime> publishedAt) {

  public boolean published() {
    return status == DispatchPlanStatus.PUBLISHED;
  }
}
