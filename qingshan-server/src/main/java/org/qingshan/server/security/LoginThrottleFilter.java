package org.qingshan.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a login attempt away before the password is checked while its name or address must wait, so
 * an attempt during the wait answers the same whether the guess was right or not, and tells the
 * person how long to wait.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;
  private final ApplicationEventPublisher events;

  LoginThrottleFilter(LoginThrottle throttle, ApplicationEventPublisher events) {
    this.throttle = throttle;
    this.events = events;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = Optional.ofNullable(request.getParameter("username")).orElse("");
    Optional<Duration> wait = throttle.waitBefore(username, request.getRemoteAddr());
    if (wait.isPresent()) {
      throttle.recordThrottled();
      events.publishEvent(
          new LoginRefused(username, request.getRemoteAddr(), LoginRefused.Reason.THROTTLED));
      response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds(wait.get()));
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whole seconds, rounded up: a person told "1 秒" must not be turned away again. */
  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
