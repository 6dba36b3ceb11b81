package org.qingshan.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * After a wrong password, back to the login page; where the failures now impose a wait, the page
 * says how long (the failure was counted before this runs, by {@link LoginEvents}).
 */
class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {
  private final LoginThrottle throttle;

  LoginFailureHandler(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String username = Optional.ofNullable(request.getParameter("username")).orElse("");
    String target =
        throttle
            .waitBefore(username, request.getRemoteAddr())
            .map(w -> "/login?error&wait=" + LoginThrottleFilter.seconds(w))
            .orElse("/login?error");
    getRedirectStrategy().sendRedirect(request, response, target);
  }
}
