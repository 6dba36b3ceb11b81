package org.qingshan.server.audit;

import java.time.LocalDate;
import java.util.Optional;

/** The filters of the audit log page; every one optional. */
public record AuditSearch(
    Optional<String> actor,
    Optional<AuditAction> action,
    Optional<String> entityType,
    Optional<String> text,
    Optional<LocalDate> from,
    Optional<LocalDate> to) {

  public static AuditSearch none() {
    return new AuditSearch(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
