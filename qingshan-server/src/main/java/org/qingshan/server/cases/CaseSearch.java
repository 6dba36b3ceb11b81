package org.qingshan.server.cases;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * What a case list asks for; every part optional.
 *
 * @param assignedTo only cases handed to (or registered by) this user, their departments or
 *     enterprise
 * @param overdueAt only cases open past their deadline at this time
 */
public record CaseSearch(
    Optional<String> text,
    Optional<CaseStatus> status,
    Optional<CaseSource> source,
    Optional<CaseType> type,
    Optional<Long> enterpriseId,
    Optional<Long> townId,
    Optional<Long> gridId,
    Optional<AssignedTo> assignedTo,
    Optional<OffsetDateTime> overdueAt,
    Optional<OffsetDateTime> from,
    Optional<OffsetDateTime> to) {

  /** Whose cases: a user, the departments they act for, the enterprise they speak for. */
  public record AssignedTo(String username, Set<Long> departmentIds, Optional<Long> enterpriseId) {
    public AssignedTo {
      departmentIds = Set.copyOf(departmentIds);
    }
  }

  public static CaseSearch all() {
    return new CaseSearch(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public CaseSearch withAssignedTo(AssignedTo a) {
    return new CaseSearch(
        text,
        status,
        source,
        type,
        enterpriseId,
        townId,
        gridId,
        Optional.of(a),
        overdueAt,
        from,
        to);
  }

  public CaseSearch withStatus(CaseStatus s) {
    return new CaseSearch(
        text,
        Optional.of(s),
        source,
        type,
        enterpriseId,
        townId,
        gridId,
        assignedTo,
        overdueAt,
        from,
        to);
  }

  public CaseSearch withSource(CaseSource s) {
    return new CaseSearch(
        text,
        status,
        Optional.of(s),
        type,
        enterpriseId,
        townId,
        gridId,
        assignedTo,
        overdueAt,
        from,
        to);
  }
}
