package org.qingshan.server.report;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.qingshan.server.cases.CaseStatus;

/**
 * A report from the public with where its case stands.
 *
 * @param trackingNo as stored, without dashes (see {@link #trackingNoGrouped()})
 * @param phone the reporter's number, for the bureau's eyes only
 */
public record PublicReport(
    long id,
    String trackingNo,
    String text,
    Optional<String> phone,
    Optional<Double> lat,
    Optional<Double> lng,
    OffsetDateTime createdAt,
    long caseId,
    String caseNo,
    CaseStatus status,
    Optional<String> answer) {

  public String trackingNoGrouped() {
    return TrackingNumbers.grouped(trackingNo);
  }

  /** What the reporter reads: the bureau's answer once the case is closed or refused. */
  public Optional<String> publicAnswer() {
    return status.finished() ? answer : Optional.empty();
  }
}
