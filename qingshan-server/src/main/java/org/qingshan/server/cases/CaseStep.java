package org.qingshan.server.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One step of a case: who did what and when, with text, location and photos. */
public record CaseStep(
    long id,
    long caseId,
    CaseAction action,
    String by,
    OffsetDateTime at,
    String text,
    Optional<CaseStatus> from,
    CaseStatus to,
    Optional<Double> lat,
    Optional<Double> lng,
    List<CasePhoto> photos) {
  public CaseStep {
    photos = List.copyOf(photos);
  }
}
