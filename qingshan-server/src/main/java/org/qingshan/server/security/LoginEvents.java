package org.qingshan.server.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds the throttle from Spring Security's login events, and announces refused logins for the
 * audit log (which records successful logins and logouts from Spring's own events).
 */
@Component
class LoginEvents {
  private final LoginThrottle throttle;
  private final ApplicationEventPublisher events;

  LoginEvents(LoginThrottle throttle, ApplicationEventPublisher events) {
    this.throttle = throttle;
    this.events = events;
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    throttle.recordSuccess(event.getAuthentication().getName(), address(event.getAuthentication()));
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    Authentication auth = event.getAuthentication();
    String name = auth.getName() == null ? "" : auth.getName();
    throttle.recordFailure(name, address(auth));
    events.publishEvent(
        new LoginRefused(
            name,
            address(auth),
            event.getException() instanceof DisabledException
                ? LoginRefused.Reason.DISABLED
                : LoginRefused.Reason.WRONG_CREDENTIALS));
  }

  private static String address(Authentication auth) {
    return auth.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "";
  }
}
