package org.qingshan.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.qingshan.server.security.BearerRefused;
import org.qingshan.server.security.LoginRefused;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.web.Messages;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What security announces, on the audit record: logins and logouts, refused logins (summarised by
 * {@link RepeatedEvents}), pages a logged-in user may not open, and records outside their data
 * scope. Visitors not logged in who are sent to the login page are not recorded.
 */
@Component
class SecurityRecords {
  static final String SESSION = "session";
  static final String PAGE = "page";
  static final String API_TOKEN = "api-token";

  private final AuditLog audit;
  private final RepeatedEvents runs;
  private final Messages messages;
  private final TransactionTemplate ownTransaction;

  SecurityRecords(
      AuditLog audit,
      RepeatedEvents runs,
      Messages messages,
      PlatformTransactionManager transactions) {
    this.audit = audit;
    this.runs = runs;
    this.messages = messages;
    // a refused request rolls its own transaction back; its record must stay
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener
  void login(AuthenticationSuccessEvent event) {
    session(event.getAuthentication().getName(), AuditAction.LOGIN, "audit.summary.login");
  }

  @EventListener
  void logout(LogoutSuccessEvent event) {
    session(event.getAuthentication().getName(), AuditAction.LOGOUT, "audit.summary.logout");
  }

  @EventListener
  void loginRefused(LoginRefused refused) {
    switch (refused.reason()) {
      case WRONG_CREDENTIALS ->
          runs.record(
              AuditAction.LOGIN_FAILED,
              refused.username(),
              refused.address(),
              SESSION,
              messages.get("audit.summary.login-failed"));
      case DISABLED ->
          runs.record(
              AuditAction.LOGIN_FAILED,
              refused.username(),
              refused.address(),
              SESSION,
              messages.get("audit.summary.login-disabled"));
      case THROTTLED ->
          runs.record(
              AuditAction.LOGIN_LOCKED,
              refused.username(),
              refused.address(),
              SESSION,
              messages.get("audit.summary.login-locked"));
    }
  }

  /**
   * A JSON API request turned away for its token: one row per token and address a while, so a
   * program retrying with a revoked token, or someone guessing, shows as one run with a count.
   */
  @EventListener
  void bearerRefused(BearerRefused refused) {
    String token = refused.label().isEmpty() ? "?" : refused.label() + "…";
    String reason =
        switch (refused.reason()) {
          case UNKNOWN -> messages.get("api-token.refusal.unknown");
          case REVOKED -> messages.get("api-token.refusal.revoked");
          case USER_DISABLED -> messages.get("api-token.refusal.user-disabled");
        };
    runs.record(
        AuditAction.LOGIN_FAILED,
        token,
        refused.address(),
        API_TOKEN,
        messages.get("audit.summary.bearer-refused", reason, refused.request()));
  }

  @EventListener
  void pageRefused(AuthorizationDeniedEvent<?> event) {
    Authentication auth = event.getAuthentication().get();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return;
    }
    String what =
        event.getSource() instanceof HttpServletRequest request
            ? request.getMethod() + " " + request.getRequestURI()
            : PAGE;
    runs.record(
        AuditAction.ACCESS_DENIED,
        auth.getName(),
        what,
        PAGE,
        messages.get("audit.summary.denied-page", what));
  }

  @EventListener
  void recordRefused(RecordRefused refused) {
    ownTransaction.executeWithoutResult(
        tx ->
            audit.record(
                AuditAction.ACCESS_DENIED,
                refused.entity(),
                refused.recordId().orElse(null),
                messages.get("audit.summary.denied-scope"),
                Optional.empty(),
                Optional.empty()));
  }

  private void session(String name, AuditAction action, String summaryKey) {
    audit.recordAs(
        name, action, SESSION, null, messages.get(summaryKey), Optional.empty(), Optional.empty());
  }
}
