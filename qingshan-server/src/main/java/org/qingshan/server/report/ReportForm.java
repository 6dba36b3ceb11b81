package org.qingshan.server.report;

import java.util.List;
import java.util.Optional;
import org.qingshan.server.cases.CaseType;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a member of the public sends: the problem, its kind if they chose one, photos, where, and a
 * phone number if they want to be called back.
 */
public record ReportForm(
    String text,
    Optional<CaseType> type,
    List<MultipartFile> photos,
    Optional<Double> lat,
    Optional<Double> lng,
    Optional<String> phone) {
  public ReportForm {
    text = text == null ? "" : text.trim();
    photos = photos == null ? List.of() : photos.stream().filter(p -> !p.isEmpty()).toList();
    phone = phone.map(String::trim).filter(p -> !p.isEmpty());
  }
}
