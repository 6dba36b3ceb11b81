package org.qingshan.server.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

/**
 * Makes refusals known: the authorization filter announces the pages it refuses (Spring's {@code
 * AuthorizationDeniedEvent}), and {@link CurrentUser} announces records outside a user's scope
 * ({@link RecordRefused}); the audit log records both.
 */
@Configuration
class AccessDenials {
  @Bean
  static AuthorizationEventPublisher authorizationEventPublisher(
      ApplicationEventPublisher publisher) {
    return new SpringAuthorizationEventPublisher(publisher);
  }
}
