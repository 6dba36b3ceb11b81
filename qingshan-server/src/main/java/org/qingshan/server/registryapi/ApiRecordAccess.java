package org.qingshan.server.registryapi;

import java.util.Optional;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whose registry records a caller may read: the bureau's county-wide roles everything, department
 * users their departments' enterprises, an enterprise user its own enterprise only. Asking for
 * another is refused and announced for the audit log, as an edited id in an address is.
 */
@Component
class ApiRecordAccess {
  static final String ENTERPRISE = "enterprise";

  private final CurrentUser currentUser;
  private final EnterpriseRepository enterprises;
  private final ApplicationEventPublisher events;

  ApiRecordAccess(
      CurrentUser currentUser, EnterpriseRepository enterprises, ApplicationEventPublisher events) {
    this.currentUser = currentUser;
    this.enterprises = enterprises;
    this.events = events;
  }

  boolean sees(Enterprise e) {
    QingshanPrincipal p = currentUser.require();
    if (p.has(Role.ENTERPRISE)
        && enterprises.enterpriseOfUser(p.userId()).filter(id -> id == e.id()).isPresent()) {
      return true;
    }
    return currentUser.scope().allows(e.departmentId());
  }

  /** The enterprise, if the caller may read it; otherwise refused (403) and announced. */
  Enterprise requireVisible(Enterprise e, String entity, long askedId) {
    if (!sees(e)) {
      events.publishEvent(new RecordRefused(entity, Optional.of(askedId)));
      throw new AccessDeniedException(entity + " " + askedId + " is outside the caller's reach");
    }
    return e;
  }
}
