package org.qingshan.server.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as the session holds it. */
public final class QingshanPrincipal implements UserDetails {
  private final AppUser user;
  private final String passwordHash;

  public QingshanPrincipal(AppUser user, String passwordHash) {
    this.user = user;
    this.passwordHash = passwordHash;
  }

  public long userId() {
    return user.id();
  }

  public String displayName() {
    return user.displayName();
  }

  public Optional<Long> departmentId() {
    return user.departmentId();
  }

  public Set<Role> roles() {
    return user.roles();
  }

  public boolean has(Role role) {
    return user.has(role);
  }

  public boolean mustChangePassword() {
    return user.mustChangePassword();
  }

  /** A copy after the user changed their password, so the session need not be rebuilt. */
  public QingshanPrincipal withPasswordChanged(String newHash) {
    AppUser changed = user.withPasswordChanged();
    return new QingshanPrincipal(changed, newHash);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities =
        user.roles().stream()
            .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
            .toList();
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isEnabled() {
    return user.enabled();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QingshanPrincipal p && p.user.id() == user.id();
  }

  @Override
  public int hashCode() {
    return Long.hashCode(user.id());
  }
}
