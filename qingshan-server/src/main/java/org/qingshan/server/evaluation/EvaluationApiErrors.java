package org.qingshan.server.evaluation;

import java.util.Optional;
import org.qingshan.server.web.JsonApiErrors;
import org.qingshan.server.web.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The evaluation API's refusals ({@link JsonApiErrors}). */
@RestControllerAdvice(assignableTypes = EvaluationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvaluationApiErrors extends JsonApiErrors {
  EvaluationApiErrors(Messages messages) {
    super(
        messages,
        new Keys(
            "evaluation.denied",
            "plandispatch.unreadable",
            "plandispatch.unreadable",
            "plandispatch.required",
            "plandispatch.too-large"));
  }

  @Override
  protected Optional<String> field(String key) {
    return switch (key) {
      case "evaluation.kind.invalid" -> Optional.of("kind");
      case "evaluation.date.invalid" -> Optional.of("date");
      case "evaluation.format.invalid", "evaluation.pdf.no-font" -> Optional.of("format");
      default -> Optional.empty();
    };
  }
}
