package org.qingshan.server.user;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's open sessions after their account changed (roles, department, disabled, password),
 * so that nobody keeps for hours rights that were taken away.
 */
@Component
public class SessionExpiry {
  private final SessionRegistry sessions;

  SessionExpiry(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  public void expireAfterCommit(long userId) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              expire(userId);
            }
          });
    } else {
      expire(userId);
    }
  }

  private void expire(long userId) {
    for (Object principal : sessions.getAllPrincipals()) {
      if (principal instanceof org.qingshan.server.security.QingshanPrincipal p
          && p.userId() == userId) {
        sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
      }
    }
  }
}
