package org.qingshan.server.evaluation;

import java.util.List;
import java.util.Optional;
import org.qingshan.server.registryapi.ApiErrors;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The evaluation API's refusals in the registry API's JSON shape. */
@RestControllerAdvice(assignableTypes = EvaluationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvaluationApiErrors {
  private final Messages messages;

  EvaluationApiErrors(Messages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(UserFacingException.class)
  ResponseEntity<ApiErrors> refused(UserFacingException e) {
    String key = e.messageKey();
    HttpStatus status = key.endsWith("not-found") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    Optional<String> field =
        switch (key) {
          case "evaluation.kind.invalid" -> Optional.of("kind");
          case "evaluation.date.invalid" -> Optional.of("date");
          case "evaluation.format.invalid", "evaluation.pdf.no-font" -> Optional.of("format");
          default -> Optional.empty();
        };
    return answer(status, field, messages.get(key, e.arguments()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiErrors> denied(AccessDeniedException e) {
    return answer(HttpStatus.FORBIDDEN, Optional.empty(), messages.get("evaluation.denied"));
  }

  private static ResponseEntity<ApiErrors> answer(
      HttpStatus status, Optional<String> field, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiErrors(List.of(new ApiErrors.Problem(field, message))));
  }
}
