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

/** Documents an endpoint's 404, answered with the API's error shape like every refusal. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "404",
    content = @Content(schema = @Schema(implementation = ApiErrors.class)))
@interface NotFoundAnswer {
  /** What is not there, as the documentation says it. */
  @AliasFor(annotation = ApiResponse.class, attribute = "description")
  String value();
}
