package org.qingshan.server.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * What the JSON API answers to a request it will not carry out: each problem with the field it is
 * about (none for the request as a whole) and a message in Chinese a person can act on.
 */
@Schema(description = "请求被拒绝的原因：每条含字段名（针对整个请求时为空）与中文说明")
public record ApiErrors(List<Problem> errors) {
  public ApiErrors {
    errors = List.copyOf(errors);
  }

  /** One problem. */
  public record Problem(
      @Schema(description = "字段名，如 creditCode、[0].limit", example = "creditCode")
          Optional<String> field,
      @Schema(description = "中文说明", example = "统一社会信用代码校验位不正确") String message) {}
}
