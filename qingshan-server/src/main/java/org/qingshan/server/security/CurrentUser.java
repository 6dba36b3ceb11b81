package org.qingshan.server.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The logged-in user of this request and the data scope that follows from their roles. */
@Component
public class CurrentUser {
  private final DepartmentSubtrees departments;

  CurrentUser(DepartmentSubtrees departments) {
    this.departments = departments;
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

  /** Throws unless the record's department is within the user's scope. */
  public void requireInScope(long departmentId) {
    if (!scope().allows(departmentId)) {
      throw new AccessDeniedException("department " + departmentId + " is outside the data scope");
    }
  }
}
