package org.qingshan.server.user;

import org.qingshan.server.security.QingshanPrincipal;
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
    afterCommit(() -> expire(userId, ""));
  }

  /** Ends every session of the user but {@code keep}, the one that made the change. */
  public void expireOthersAfterCommit(long userId, String keep) {
    afterCommit(() -> expire(userId, keep));
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              action.run();
            }
          });
    } else {
      action.run();
    }
  }

  private void expire(long userId, String keep) {
    for (Object principal : sessions.getAllPrincipals()) {
      if (principal instanceof QingshanPrincipal p && p.userId() == userId) {
        sessions.getAllSessions(principal, false).stream()
            .filter(s -> !s.getSessionId().equals(keep))
            .forEach(SessionInformation::expireNow);
      }
    }
  }
}
