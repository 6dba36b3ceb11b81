package org.qingshan.server.plandispatch;

import java.util.Optional;
import org.qingshan.server.web.JsonApiErrors;
import org.qingshan.server.web.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The plan dispatch API's refusals ({@link JsonApiErrors}): 400 a bad field or a file that is not a
 * plan, 404 unknown, 409 a stale report or a plan not a draft, 413 a file too large, 403 another
 * department's task (audited where refused).
 */
@RestControllerAdvice(assignableTypes = PlanDispatchApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanDispatchApiErrors extends JsonApiErrors {
  PlanDispatchApiErrors(Messages messages) {
    super(
        messages,
        new Keys(
            "plandispatch.denied",
            "plandispatch.unreadable",
            "plandispatch.unreadable",
            "plandispatch.required",
            "plandispatch.too-large"));
  }

  @Override
  protected HttpStatus status(String key) {
    if (key.endsWith("not-found")) {
      return HttpStatus.NOT_FOUND;
    }
    return switch (key) {
      case "plandispatch.progress.stale", "plandispatch.plan.not-draft" -> HttpStatus.CONFLICT;
      case "plandispatch.import.too-large" -> HttpStatus.PAYLOAD_TOO_LARGE;
      default -> HttpStatus.BAD_REQUEST;
    };
  }

  @Override
  protected Optional<String> field(String key) {
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
}
