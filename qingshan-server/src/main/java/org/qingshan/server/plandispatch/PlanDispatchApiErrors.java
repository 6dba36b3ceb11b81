package org.qingshan.server.plandispatch;

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
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The plan dispatch API's refusals in the registry API's shape ({@link ApiErrors}): 400 a bad field
 * or a file that is not a plan, 404 unknown, 409 a stale report or a plan not a draft, 413 a file
 * too large, 403 another department's task (audited where refused). Nothing internal shown.
 */
@RestControllerAdvice(assignableTypes = PlanDispatchApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanDispatchApiErrors {
  private static final Logger log = LoggerFactory.getLogger(PlanDispatchApiErrors.class);
  private final Messages messages;

  PlanDispatchApiErrors(Messages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(UserFacingException.class)
  ResponseEntity<ApiErrors> refused(UserFacingException e) {
    String key = e.messageKey();
    log.info("plan dispatch API refused: {}", key);
    return answer(status(key), field(key), messages.get(key, e.arguments()));
  }

  /** Refusals were announced for the audit log where they were made. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiErrors> denied(AccessDeniedException e) {
    return answer(HttpStatus.FORBIDDEN, Optional.empty(), messages.get("plandispatch.denied"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiErrors> unreadable(HttpMessageNotReadableException e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.empty(), messages.get("plandispatch.unreadable"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiErrors> badParameter(MethodArgumentTypeMismatchException e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.of(e.getName()), messages.get("plandispatch.unreadable"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiErrors> missing(MissingServletRequestParameterException e) {
    return answer(
        HttpStatus.BAD_REQUEST,
        Optional.of(e.getParameterName()),
        messages.get("plandispatch.required"));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiErrors> missingPart(MissingServletRequestPartException e) {
    return answer(
        HttpStatus.BAD_REQUEST,
        Optional.of(e.getRequestPartName()),
        messages.get("plandispatch.required"));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiErrors> tooLarge(MaxUploadSizeExceededException e) {
    return answer(
        HttpStatus.PAYLOAD_TOO_LARGE, Optional.empty(), messages.get("plandispatch.too-large"));
  }

  @ExceptionHandler({MultipartException.class, HttpMediaTypeNotSupportedException.class})
  ResponseEntity<ApiErrors> notMultipart(Exception e) {
    return answer(
        HttpStatus.BAD_REQUEST, Optional.empty(), messages.get("plandispatch.unreadable"));
  }

  private static HttpStatus status(String key) {
    if (key.endsWith("not-found")) {
      return HttpStatus.NOT_FOUND;
    }
    return switch (key) {
      case "plandispatch.progress.stale", "plandispatch.plan.not-draft" -> HttpStatus.CONFLICT;
      case "plandispatch.import.too-large" -> HttpStatus.PAYLOAD_TOO_LARGE;
      default -> HttpStatus.BAD_REQUEST;
    };
  }

  private static Optional<String> field(String key) {
    if (key.startsWith("plandispatch.import.")) {
      return Optional.of("file");
    }
    if (key.startsWith("plandispatch.file")) {
      return Optional.of("files");
    }
    return switch (key) {
      case "plandispatch.status.required", "plandispatch.status.unknown" -> Optional.of("status");
      case "plandispatch.progress.text.required", "plandispatch.progress.text.size" ->
          Optional.of("text");
      case "plandispatch.progress.stale" -> Optional.of("version");
      case "plandispatch.value.year.invalid" -> Optional.of("year");
      case "plandispatch.value.required" -> Optional.of("value");
      case "plandispatch.value.source" -> Optional.of("source");
      case "plandispatch.department.unknown" -> Optional.of("department");
      default -> Optional.empty();
    };
  }

  private static ResponseEntity<ApiErrors> answer(
      HttpStatus status, Optional<String> field, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiErrors(List.of(new ApiErrors.Problem(field, message))));
  }
}
