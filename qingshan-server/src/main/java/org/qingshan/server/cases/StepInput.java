package org.qingshan.server.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a person sends with a step: text, where they are, photos, and the version of the case their
 * page showed (so a second person saving a stale page is told instead of overwriting).
 */
public record StepInput(
    String text,
    Optional<Double> lat,
    Optional<Double> lng,
    List<MultipartFile> photos,
    Optional<Integer> version) {
  public StepInput {
    text = text == null ? "" : text.trim();
    photos = photos == null ? List.of() : photos.stream().filter(p -> !p.isEmpty()).toList();
  }

  public static StepInput text(String text) {
    return new StepInput(text, Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }
}
