package org.qingshan.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.Messages;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attempts of a logged-in user to open what they may not: a page their roles do not reach, or a
 * record of a department outside their data scope (someone else's id in the address). Each is
 * written to the audit log; visitors not logged in are only sent to the login page.
 */
@Component
class AccessDenials {
  static final String PAGE = "page";

  private final AuditLog audit;
  private final Messages messages;
  private final TransactionTemplate ownTransaction;

  AccessDenials(AuditLog audit, Messages messages, PlatformTransactionManager transactions) {
    this.audit = audit;
    this.messages = messages;
    // the refused request rolls its own transaction back; its record must stay
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Makes the authorization filter announce its refusals. */
  @Bean
  static AuthorizationEventPublisher authorizationEventPublisher(
      ApplicationEventPublisher publisher) {
    return new SpringAuthorizationEventPublisher(publisher);
  }

  @EventListener
  void pageDenied(AuthorizationDeniedEvent<?> event) {
    Authentication auth = event.getAuthentication().get();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return;
    }
    String what =
        event.getSource() instanceof HttpServletRequest request
            ? request.getMethod() + " " + request.getRequestURI()
            : PAGE;
    audit.recordAs(
        auth.getName(),
        AuditAction.ACCESS_DENIED,
        PAGE,
        null,
        messages.get("audit.summary.denied-page", what),
        Optional.empty(),
        Optional.empty());
  }

  void outsideScope(String entity, Optional<Long> recordId) {
    ownTransaction.executeWithoutResult(
        tx ->
            audit.record(
                AuditAction.ACCESS_DENIED,
                entity,
                recordId.orElse(null),
                messages.get("audit.summary.denied-scope"),
                Optional.empty(),
                Optional.empty()));
  }
}
