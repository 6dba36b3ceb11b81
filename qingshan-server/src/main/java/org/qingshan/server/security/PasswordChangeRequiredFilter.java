package org.qingshan.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sends a user whose password was issued by someone else to choose their own first. */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {
  static final String CHANGE_PATH = "/account/password";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    String path = request.getServletPath();
    if (auth != null
        && auth.getPrincipal() instanceof QingshanPrincipal p
        && p.mustChangePassword()
        // a program holding an API token cannot choose a password; the person will at login
        && request.getAttribute(BearerTokenFilter.AUTHENTICATED) == null
        && !path.equals(CHANGE_PATH)
        && !path.equals("/logout")
        && !path.startsWith("/static/")
        && !path.startsWith("/webjars/")) {
      response.sendRedirect(request.getContextPath() + CHANGE_PATH);
      return;
    }
    chain.doFilter(request, response);
  }
}
