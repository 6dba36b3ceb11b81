package org.qingshan.server.grid;

import java.util.List;
import java.util.Optional;
import org.qingshan.server.cases.CaseType;
import org.springframework.web.multipart.MultipartFile;

/**
 * A patrol check-in as the phone page sends it.
 *
 * @param problem 发现问题: opens a case at once
 * @param caseType what kind of problem, for the case
 * @param enterpriseId the grid's enterprise the problem is at, if any
 */
public record PatrolInput(
    long gridId,
    Optional<Double> lat,
    Optional<Double> lng,
    String findings,
    boolean problem,
    Optional<CaseType> caseType,
    Optional<Long> enterpriseId,
    List<MultipartFile> photos) {
  public PatrolInput {
    findings = findings == null ? "" : findings.trim();
    photos = photos == null ? List.of() : photos.stream().filter(p -> !p.isEmpty()).toList();
  }
}
