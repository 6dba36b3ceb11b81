package org.qingshan.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked CSRF tokens, except that a token which unmasks to bytes that are not
 * UTF-8 counts as a wrong token (403) instead of escaping as an exception (500 and a stack trace):
 * anyone can send one, logged in or not.
 */
class GarbledCsrfTokens implements CsrfTokenRequestHandler {
  private static final Logger log = LoggerFactory.getLogger(GarbledCsrfTokens.class);
  private final XorCsrfTokenRequestAttributeHandler delegate =
      new XorCsrfTokenRequestAttributeHandler();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    delegate.handle(request, response, token);
  }

  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
    try {
      return delegate.resolveCsrfTokenValue(request, token);
    } catch (IllegalArgumentException garbled) {
      log.info("refused a request whose CSRF token does not decode");
      return null;
    }
  }
}
