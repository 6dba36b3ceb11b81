package org.qingshan.server.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in user of this request and the data scope that follows from their roles. */
@Component
public class CurrentUser {
  private final DepartmentSubtrees departments;
  private final ApplicationEventPublisher events;

  CurrentUser(DepartmentSubtrees departments, ApplicationEventPublisher events) {
    this.departments = departments;
    this.events = events;
  }

  public Optional<QingshanPrincipal> principal() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof QingshanPrincipal p
        ? Optional.of(p)
        : Optional.empty();
  }

  public QingshanPrincipal require() {
    return principal().orElseThrow(() -> new AccessDeniedException("not logged in"));
  }

  /**
   * The user's data scope. Code that runs outside any request (start-up, the demo, scheduled jobs)
   * has no authentication at all and acts for the system, which sees everything; a web request
   * always has one, anonymous or not.
   */
  public DataScope scope() {
    if (SecurityContextHolder.getContext().getAuthentication() == null) {
      return DataScope.everything();
    }
    QingshanPrincipal p = require();
    if (p.roles().stream().anyMatch(Role::seesAllDepartments)) {
      return DataScope.everything();
    }
    if (p.roles().equals(Set.of(Role.ENTERPRISE))) {
      // An enterprise sees only its own outlets; until enterprises are registered as such, nothing
      // of the county's departments.
      return DataScope.only(Set.of());
    }
    return p.departmentId()
        .map(id -> DataScope.only(departments.subtreeIds(id)))
        .orElse(DataScope.only(Set.of()));
  }

  /** The records the user's data scope covers, in their order. */
  public <T extends DepartmentOwned> List<T> visible(Collection<T> records) {
    DataScope scope = scope();
    return records.stream().filter(r -> scope.allows(r.owningDepartment())).toList();
  }

  /**
   * The record, if the user's data scope covers it; otherwise the attempt is audited and refused
   * (403), as a user who edits an id in the address should be.
   */
  public <T extends DepartmentOwned> T requireVisible(String entity, long id, T record) {
    if (!scope().allows(record.owningDepartment())) {
      events.publishEvent(new RecordRefused(entity, Optional.of(id)));
      throw new AccessDeniedException(entity + " " + id + " is outside the data scope");
    }
    return record;
  }

  /** Throws, audited, unless a department the user names (in a form) is within their scope. */
  public void requireInScope(String entity, long departmentId) {
    if (!scope().allows(departmentId)) {
      events.publishEvent(new RecordRefused(entity, Optional.empty()));
      throw new AccessDeniedException("department " + departmentId + " is outside the data scope");
    }
  }
}
