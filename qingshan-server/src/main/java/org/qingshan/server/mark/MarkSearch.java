package org.qingshan.server.mark;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What the list of marks is filtered by: text in the enterprise's name or the outlet's code or
 * name, an enterprise, kind, status, and marks overlapping a time range.
 */
public record MarkSearch(
    Optional<String> text,
    Optional<Long> enterpriseId,
    Optional<MarkKind> kind,
    Optional<MarkStatus> status,
    Optional<LocalDateTime> from,
    Optional<LocalDateTime> to) {

  public static MarkSearch ofEnterprise(long enterpriseId) {
    return new MarkSearch(
        Optional.empty(),
        Optional.of(enterpriseId),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  MarkSearch onlyEnterprise(long id) {
    return new MarkSearch(text, Optional.of(id), kind, status, from, to);
  }
}
