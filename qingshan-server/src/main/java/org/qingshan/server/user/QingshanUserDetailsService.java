package org.qingshan.server.user;

import org.qingshan.server.security.QingshanPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class QingshanUserDetailsService implements UserDetailsService {
  private final UserRepository users;

  QingshanUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users
        .findByUsername(username)
        .map(u -> new QingshanPrincipal(u, users.passwordHash(username).orElseThrow()))
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }
}
