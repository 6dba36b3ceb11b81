package org.qingshan.server.cases;

import java.util.List;
import java.util.Optional;
import org.qingshan.server.web.ApiErrors;
import org.qingshan.server.web.JsonApiErrors;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The cases API's refusals ({@link JsonApiErrors}): the service's rules (400; 404 unknown; 409 a
 * stale or finished case, a second case of an alarm), someone else's case (403, audited where
 * refused), bodies that are not the JSON or form expected, photos too large.
 */
@RestControllerAdvice(assignableTypes = CaseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiErrors extends JsonApiErrors {
  private static final Logger log = LoggerFactory.getLogger(CaseApiErrors.class);
  private final CaseSettings settings;

  CaseApiErrors(Messages messages, CaseSettings settings) {
    super(
        messages,
        new Keys(
            "cases-api.error.denied",
            "cases-api.error.unreadable",
            "cases-api.error.bad-parameter",
            "cases-api.error.required",
            "photo.too-large"));
    this.settings = settings;
  }

  @ExceptionHandler(CaseApiProblem.class)
  ResponseEntity<ApiErrors> problem(CaseApiProblem problem) {
    List<ApiErrors.Problem> errors =
        problem.entries().stream()
            .map(e -> new ApiErrors.Problem(e.field(), message(e.messageKey(), e.arguments())))
            .toList();
    log.info("cases API refused: {}", errors);
    return answer(HttpStatus.BAD_REQUEST, errors);
  }

  @Override
  protected Optional<String> uploadField() {
    return Optional.of("photo");
  }

  @Override
  protected Object[] tooLargeArguments() {
    return new Object[] {settings.photoMaxSize().toMegabytes()};
  }

  @Override
  protected HttpStatus status(String key) {
    if (key.endsWith("not-found")) {
      return HttpStatus.NOT_FOUND;
    }
    return switch (key) {
      case "error.stale", "cases.step.not-allowed", "cases.alarm.has-case" -> HttpStatus.CONFLICT;
      default -> HttpStatus.BAD_REQUEST;
    };
  }

  @Override
  protected Optional<String> field(String key) {
    if (key.startsWith("photo.") || key.equals("cases.photos.too-many")) {
      return Optional.of("photo");
    }
    return switch (key) {
      case "cases.title.required", "cases.title.size" -> Optional.of("title");
      case "cases.text.required", "cases.text.size" -> Optional.of("text");
      case "cases.location.invalid" -> Optional.of("lat");
      case "cases.assignee.unknown" -> Optional.of("assignee");
      case "cases.deadline.past" -> Optional.of("deadline");
      case "cases.extension.not-later", "cases.extension.too-long" -> Optional.of("until");
      case "cases.alarm.not-found" -> Optional.of("alarmId");
      default -> Optional.empty();
    };
  }
}
