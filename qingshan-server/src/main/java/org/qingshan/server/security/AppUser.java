package org.qingshan.server.security;

import java.util.Optional;
import java.util.Set;

/** A person who logs in. The password hash never leaves the repository in this record. */
public record AppUser(
    long id,
    String username,
    String displayName,
    Optional<Long> departmentId,
    Optional<String> phone,
    boolean enabled,
    boolean mustChangePassword,
    Set<Role> roles) {

  public AppUser {
    roles = Set.copyOf(roles);
  }

  /** This user with other roles. */
  public AppUser withRoles(Set<Role> newRoles) {
    return new AppUser(
        id, username, displayName, departmentId, phone, enabled, mustChangePassword, newRoles);
  }

  /** This user once they have changed their password. */
  public AppUser withPasswordChanged() {
    return new AppUser(id, username, displayName, departmentId, phone, enabled, false, roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
