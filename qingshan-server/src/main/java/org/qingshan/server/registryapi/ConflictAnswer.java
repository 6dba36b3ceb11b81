package org.qingshan.server.registryapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.qingshan.server.web.ApiErrors;
import org.springframework.core.annotation.AliasFor;

/** Documents an endpoint's 409, answered with the API's error shape like every refusal. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "409",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@interface ConflictAnswer {
  /** What the request clashes with, as the documentation says it. */
  @AliasFor(annotation = ApiResponse.class, attribute = "description")
  String value();
}
