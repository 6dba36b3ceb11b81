package org.qingshan.server.support;

import java.util.Optional;
import java.util.Set;
import org.qingshan.server.apitoken.ApiTokens;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.UserRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users of their own for a test (each with a unique name, in a demo department) and their tokens; a
 * bean of every test server, so a test asks for it by {@code @Autowired TestUsers}.
 */
@Component
public final class TestUsers {
  public static final String PASSWORD = "qingshan2026";
  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final JdbcClient jdbc;
  private final ApiTokens tokens;
  private final UserDetailsService details;

  public TestUsers(
      UserRepository users,
      PasswordEncoder encoder,
      JdbcClient jdbc,
      ApiTokens tokens,
      UserDetailsService details) {
    this.users = users;
    this.encoder = encoder;
    this.jdbc = jdbc;
    this.tokens = tokens;
    this.details = details;
  }

  public long department(String name) {
    return jdbc.sql("SELECT id FROM department WHERE name = :n")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  /** A new user of the role in the department, with the demo password; their user name. */
  public String user(Role role, String department, String prefix) {
    String name = TestAlarms.unique(prefix);
    users.insert(
        name,
        "用户" + name,
        encoder.encode(PASSWORD),
        Optional.of(department(department)),
        Optional.empty(),
        false,
        Set.of(role));
    return name;
  }

  /** A personal API token issued to the user by the demo admin. */
  public String token(String username, String label) {
    UserDetails admin = details.loadUserByUsername("admin");
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
    try {
      return tokens.issue(username, label).secret();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
