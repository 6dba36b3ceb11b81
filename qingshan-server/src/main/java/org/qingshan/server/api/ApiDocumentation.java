package org.qingshan.server.api;

import static org.qingshan.server.security.Role.ADMIN;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.web.MenuEntry;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The OpenAPI description of every JSON endpoint (springdoc: {@code /v3/api-docs/json}, browsable
 * at {@code /swagger-ui/index.html}), for administrators and integrators. An endpoint is in it by
 * answering with a body ({@code @ResponseBody}, {@code @RestController}): a feature's new JSON
 * endpoint is described without an edit here; pages and Excel downloads are not.
 */
@Configuration
class ApiDocumentation {
  static final String GROUP = "json";

  @Bean
  OpenAPI qingshanApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("青山 JSON 接口")
                .description("页面所用的 JSON 接口：登录后按角色与数据权限返回。")
                .version("0.1"));
  }

  @Bean
  GroupedOpenApi jsonEndpoints() {
    return GroupedOpenApi.builder()
        .group(GROUP)
        .addOpenApiMethodFilter(
            method ->
                AnnotatedElementUtils.hasAnnotation(method, ResponseBody.class)
                    || AnnotatedElementUtils.hasAnnotation(
                        method.getDeclaringClass(), ResponseBody.class))
        .build();
  }

  @Bean
  MenuEntry apiMenu() {
    return new MenuEntry("nav.api", "/api", 110);
  }

  @Bean
  AccessRules apiRules() {
    return requests ->
        requests
            .requestMatchers("/api", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
            .hasRole(ADMIN.name());
  }
}
