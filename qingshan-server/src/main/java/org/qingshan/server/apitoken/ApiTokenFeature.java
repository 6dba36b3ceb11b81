package org.qingshan.server.apitoken;

import static org.qingshan.server.security.Role.ADMIN;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.qingshan.server.security.AccessRules;
import org.qingshan.server.web.MenuEntry;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API tokens' place in the application: a menu entry and rule for administrators. */
@Configuration
class ApiTokenFeature {
  static final String SCHEME = "bearerToken";

  @Bean
  MenuEntry apiTokensMenu() {
    return new MenuEntry("nav.api-tokens", "/api-tokens", 111);
  }

  @Bean
  AccessRules apiTokenRules() {
    return requests ->
        requests.requestMatchers("/api-tokens", "/api-tokens/**").hasRole(ADMIN.name());
  }

  /** Tells readers of the API description that a personal token may stand in for a login. */
  @Bean
  GlobalOpenApiCustomizer bearerTokenScheme() {
    return api -> {
      if (api.getComponents() == null) {
        api.setComponents(new Components());
      }
      api.getComponents()
          .addSecuritySchemes(
              SCHEME,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .description("管理员签发的个人接口令牌：Authorization: Bearer <令牌>，无需 CSRF。"));
    };
  }
}
