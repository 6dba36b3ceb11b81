package org.qingshan.server.cases;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.server.alarm.Severity;

/**
 * A case (案件) as it stands now; its history is in its {@link CaseStep}s.
 *
 * @param caseNo the number people quote (年份-序号)
 * @param townId the town or street of the place, for analysis by town
 * @param acceptBy when the bureau must have decided whether to accept (public reports)
 * @param escalation 0 none, 1 催办, 2 督办
 * @param answer the bureau's answer the reporter reads when the case is closed or refused
 * @param version counts changes, so a second person saving a stale page is told
 */
public record CaseFile(
    long id,
    String caseNo,
    String title,
    CaseType type,
    CaseSource source,
    Severity severity,
    CaseStatus status,
    String description,
    Optional<Long> enterpriseId,
    Optional<String> place,
    Optional<Double> lat,
    Optional<Double> lng,
    Optional<Long> townId,
    Optional<Long> gridId,
    Optional<Long> alarmId,
    Optional<Assignee> assignee,
    Optional<OffsetDateTime> acceptBy,
    OffsetDateTime deadline,
    int escalation,
    boolean extensionRequested,
    Optional<String> answer,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    Optional<OffsetDateTime> closedAt,
    int version) {

  /** Open and past its deadline at the given time. */
  public boolean overdueAt(OffsetDateTime now) {
    return !status.finished() && now.isAfter(deadline);
  }

  /** Closed (or refused) by its deadline; empty while open. */
  public Optional<Boolean> closedOnTime() {
    return closedAt.map(c -> !c.isAfter(deadline));
  }
}
