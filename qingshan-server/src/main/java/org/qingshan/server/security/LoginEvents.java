package org.qingshan.server.security;

import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.Messages;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds the throttle and the audit log from Spring Security's login events. */
@Component
class LoginEvents {
  private final LoginThrottle throttle;
  private final AuditLog audit;

  private final LoginAudit failures;
  private final Messages messages;

  LoginEvents(LoginThrottle throttle, AuditLog audit, LoginAudit failures, Messages messages) {
    this.throttle = throttle;
    this.audit = audit;
    this.failures = failures;
    this.messages = messages;
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    String name = event.getAuthentication().getName();
    throttle.recordSuccess(name, address(event.getAuthentication()));
    audit.recordAs(
        name,
        AuditAction.LOGIN,
        "session",
        null,
        messages.get("audit.summary.login"),
        Optional.empty(),
        Optional.empty());
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    Authentication auth = event.getAuthentication();
    String name = auth.getName() == null ? "" : auth.getName();
    throttle.recordFailure(name, address(auth));
    failures.record(
        AuditAction.LOGIN_FAILED,
        name,
        address(auth),
        event.getException() instanceof DisabledException
            ? "audit.summary.login-disabled"
            : "audit.summary.login-failed");
  }

  @EventListener
  void onLogout(LogoutSuccessEvent event) {
    audit.recordAs(
        event.getAuthentication().getName(),
        AuditAction.LOGOUT,
        "session",
        null,
        messages.get("audit.summary.logout"),
        Optional.empty(),
        Optional.empty());
  }

  private static String address(Authentication auth) {
    return auth.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "";
  }
}
