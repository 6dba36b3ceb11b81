package org.qingshan.server.cases;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.registryapi.ApiErrors;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The cases API's refusals in the registry API's shape ({@link ApiErrors}: each problem with its
 * field and a Chinese message): the service's rules (400; 404 unknown; 409 a stale or finished
 * case, a second case of an alarm), someone else's case (403, audited where refused), bodies that
 * are not the JSON or form expected, photos too large. Nothing internal is shown.
 */
@RestControllerAdvice(assignableTypes = CaseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiErrors {
  private static final Logger log = LoggerFactory.getLogger(CaseApiErrors.class);
  private final Messages messages;
  private final CaseSettings settings;

  CaseApiErrors(Messages messages, CaseSettings settings) {
    this.messages = messages;
    this.settings = settings;
  }

  @ExceptionHandler(CaseApiProblem.class)
  ResponseEntity<ApiErrors> problem(CaseApiProblem problem) {
    List<ApiErrors.Problem> errors =
        problem.entries().stream()
            .map(e -> new ApiErrors.Problem(e.field(), messages.get(e.messageKey(), e.arguments())))
            .toList();
    log.info("cases API refused: {}", errors);
    return answer(HttpStatus.BAD_REQUEST, errors);
  }

  @ExceptionHandler(UserFacingException.class)
  ResponseEntity<ApiErrors> refused(UserFacingException e) {
    String key = e.messageKey();
    log.info("cases API refused: {}", key);
    return answer(status(key), field(key), messages.get(key, e.arguments()));
  }

  /** Refused cases were announced for the audit log where they were refused. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiErrors> denied(AccessDeniedException e) {
    return answer(HttpStatus.FORBIDDEN, Optional.empty(), messages.get("cases-api.error.denied"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiErrors> unreadable(HttpMessageNotReadableException e) {
    Optional<String> field =
        e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
            ? Optional.ofNullable(m.getPath().get(m.getPath().size() - 1).getFieldName())
            : Optional.empty();
    return answer(HttpStatus.BAD_REQUEST, field, messages.get("cases-api.error.unreadable"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiErrors> badParameter(MethodArgumentTypeMismatchException e) {
    return answer(
        HttpStatus.BAD_REQUEST,
        Optional.of(e.getName()),
        messages.get("cases-api.error.bad-parameter"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiErrors> missing(MissingServletRequestParameterException e) {
    return answer(
        HttpStatus.BAD_REQUEST,
        Optional.of(e.getParameterName()),
        messages.get("cases-api.error.required"));
  }

  /** A photo above the container's limit: refused before any of it is stored. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiErrors> tooLarge(MaxUploadSizeExceededException e) {
    return answer(
        HttpStatus.PAYLOAD_TOO_LARGE,
        Optional.of("photo"),
        messages.get("photo.too-large", settings.photoMaxSize().toMegabytes()));
  }

  @ExceptionHandler({MultipartException.class, HttpMediaTypeNotSupportedException.class})
  ResponseEntity<ApiErrors> notMultipart(Exception e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.empty(), messages.get("cases-api.error.unreadable"));
  }

  private static HttpStatus status(String key) {
    if (key.endsWith("not-found")) {
      return HttpStatus.NOT_FOUND;
    }
    return switch (key) {
      case "error.stale", "cases.step.not-allowed", "cases.alarm.has-case" -> HttpStatus.CONFLICT;
      default -> HttpStatus.BAD_REQUEST;
    };
  }

  private static Optional<String> field(String key) {
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

  private static ResponseEntity<ApiErrors> answer(
      HttpStatus status, Optional<String> field, String message) {
    return answer(status, List.of(new ApiErrors.Problem(field, message)));
  }

  private static ResponseEntity<ApiErrors> answer(
      HttpStatus status, List<ApiErrors.Problem> errors) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiErrors(errors));
  }
}
