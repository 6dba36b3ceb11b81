package org.qingshan.server.registry;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which enterprises the current user may see: an enterprise user only the one they speak for, the
 * bureau's staff those of their data scope. Asking for another one by id is refused and audited.
 */
@Component
public class RegistryAccess {
  public static final String ENTITY = "enterprise";
  private final EnterpriseRepository enterprises;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;

  RegistryAccess(
      EnterpriseRepository enterprises, CurrentUser currentUser, ApplicationEventPublisher events) {
    this.enterprises = enterprises;
    this.currentUser = currentUser;
    this.events = events;
  }

  /** The enterprise, if the user may see it; 404 when there is none, 403 (audited) otherwise. */
  public Enterprise require(long id) {
    Enterprise e =
        enterprises.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    Optional<Long> own = ownEnterprise();
    if (own.isPresent() || isEnterpriseUser()) {
      if (own.isEmpty() || own.get() != id) {
        events.publishEvent(new RecordRefused(ENTITY, Optional.of(id)));
        throw new AccessDeniedException("enterprise " + id + " is not the user's own");
      }
      return e;
    }
    return currentUser.requireVisible(ENTITY, id, e);
  }

  /**
   * The ids a list is limited to: an enterprise user's own (or none), everyone else's unlimited.
   */
  public Optional<Collection<Long>> idFilter() {
    if (!isEnterpriseUser()) {
      return Optional.empty();
    }
    return Optional.of(ownEnterprise().map(Set::of).orElse(Set.of()));
  }

  /** The department filter of the user's data scope; enterprise users are limited by id instead. */
  public Optional<Collection<Long>> departmentFilter() {
    return isEnterpriseUser() ? Optional.empty() : currentUser.scope().filter();
  }

  private boolean isEnterpriseUser() {
    if (SecurityContextHolder.getContext().getAuthentication() == null) {
      return false;
    }
    return currentUser
        .principal()
        .map(QingshanPrincipal::roles)
        .map(r -> r.equals(Set.of(Role.ENTERPRISE)))
        .orElse(false);
  }

  private Optional<Long> ownEnterprise() {
    if (!isEnterpriseUser()) {
      return Optional.empty();
    }
    return enterprises.enterpriseOfUser(currentUser.require().userId());
  }
}
