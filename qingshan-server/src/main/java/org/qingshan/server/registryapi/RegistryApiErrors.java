package org.qingshan.server.registryapi;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qingshan.server.web.ApiErrors;
import org.qingshan.server.web.JsonApiErrors;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The registry API's refusals as {@link ApiErrors} JSON: its own checks, bodies that are not JSON
 * of the expected shape, records outside the caller's reach. Nothing internal is shown.
 */
@RestControllerAdvice(basePackageClasses = RegistryApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryApiErrors {
  private static final Logger log = LoggerFactory.getLogger(RegistryApiErrors.class);
  private final Messages messages;

  RegistryApiErrors(Messages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ApiErrors> problem(ApiProblem problem) {
    List<ApiErrors.Problem> errors =
        problem.entries().stream()
            .map(e -> new ApiErrors.Problem(e.field(), messages.get(e.messageKey(), e.arguments())))
            .toList();
    log.info(
        "registry API refused ({}): {}",
        problem.status().value(),
        problem.entries().stream()
            .map(e -> e.field().orElse("-") + " " + e.messageKey())
            .collect(Collectors.joining(", ")));
    return ResponseEntity.status(problem.status()).body(new ApiErrors(errors));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiErrors> unreadable(HttpMessageNotReadableException e) {
    Optional<String> field =
        e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()
            ? Optional.of(JsonApiErrors.path(m))
            : Optional.empty();
    return answer(HttpStatus.BAD_REQUEST, field, messages.get("registry-api.error.unreadable"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiErrors> badParameter(MethodArgumentTypeMismatchException e) {
    return answer(
        HttpStatus.BAD_REQUEST,
        Optional.of(e.getName()),
        messages.get("registry-api.error.bad-parameter"));
  }

  /** Refused records were announced for the audit log where they were refused. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiErrors> denied(AccessDeniedException e) {
    return answer(
        HttpStatus.FORBIDDEN, Optional.empty(), messages.get("registry-api.error.denied"));
  }

  /** Two requests racing for one credit code, MN or outlet code: the database kept one. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ApiErrors> conflict(DataIntegrityViolationException e) {
    log.info("registry API conflict: {}", e.getMostSpecificCause().getClass().getSimpleName());
    return answer(
        HttpStatus.CONFLICT, Optional.empty(), messages.get("registry-api.error.conflict"));
  }

  private static ResponseEntity<ApiErrors> answer(
      HttpStatus status, Optional<String> field, String message) {
    return ResponseEntity.status(status)
        .body(new ApiErrors(List.of(new ApiErrors.Problem(field, message))));
  }
}
