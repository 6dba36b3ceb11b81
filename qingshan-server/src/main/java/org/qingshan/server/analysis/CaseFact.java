package org.qingshan.server.analysis;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.server.cases.CaseStatus;
import org.qingshan.server.cases.CaseType;

/**
 * What analysis needs of one case: its kind, where, whose, and its times.
 *
 * @param town the town or street (the case's, else its enterprise's)
 * @param lat the case's position, else its enterprise's
 * @param memberUser the grid member (or other user) it was handed to
 * @param departmentId the department it was handed to
 */
public record CaseFact(
    long id,
    String caseNo,
    String title,
    CaseType type,
    CaseStatus status,
    OffsetDateTime createdAt,
    Optional<OffsetDateTime> closedAt,
    OffsetDateTime deadline,
    Optional<String> town,
    Optional<String> industry,
    Optional<Long> enterpriseId,
    Optional<String> enterpriseName,
    Optional<String> memberUser,
    Optional<String> memberName,
    Optional<Long> departmentId,
    Optional<String> departmentName,
    Optional<Double> lat,
    Optional<Double> lng) {

  /** Closed after verification (a refused case is finished but was never handled). */
  public boolean closed() {
    return status == CaseStatus.CLOSED;
  }

  public boolean closedOnTime() {
    return closed() && closedAt.map(c -> !c.isAfter(deadline)).orElse(false);
  }

  /** Open past its deadline at the moment. */
  public boolean overdueAt(OffsetDateTime now) {
    return !status.finished() && now.isAfter(deadline);
  }
}
