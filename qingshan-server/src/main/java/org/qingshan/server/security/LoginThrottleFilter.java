package org.qingshan.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a login attempt away before the password is checked while its user name or address is
 * locked, so a locked account answers the same whether the guess was right or not.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
  private final LoginThrottle throttle;
  private final AuditLog audit;

  private final org.qingshan.server.web.Messages messages;

  LoginThrottleFilter(
      LoginThrottle throttle, AuditLog audit, org.qingshan.server.web.Messages messages) {
    this.throttle = throttle;
    this.audit = audit;
    this.messages = messages;
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
    if (throttle.isLocked(username, request.getRemoteAddr())) {
      audit.recordAs(
          username.isBlank() ? "?" : username,
          AuditAction.LOGIN_LOCKED,
          "session",
          null,
          messages.get("audit.summary.login-locked"),
          Optional.empty(),
          Optional.empty());
      response.sendRedirect(request.getContextPath() + "/login?locked");
      return;
    }
    chain.doFilter(request, response);
  }
}
