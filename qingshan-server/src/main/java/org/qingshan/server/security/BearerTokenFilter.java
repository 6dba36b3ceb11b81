package org.qingshan.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a JSON API request carrying {@code Authorization: Bearer <token>} in as the token's user for
 * this request only: nothing is stored in a session, and no CSRF token is asked for, since a
 * browser never adds such a header by itself. A token that does not pass is answered 401 in JSON
 * and announced ({@link BearerRefused}); it never falls back to the session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {
  /** Set on a request this filter let in, for filters that treat a person at a browser only. */
  static final String AUTHENTICATED = BearerTokenFilter.class.getName() + ".authenticated";

  private static final String API_PREFIX = "/api/";
  private static final String SCHEME = "bearer ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectProvider<BearerAuthenticator> authenticators;
  private final ApplicationEventPublisher events;
  private final Messages messages;

  BearerTokenFilter(
      ObjectProvider<BearerAuthenticator> authenticators,
      ApplicationEventPublisher events,
      Messages messages) {
    this.authenticators = authenticators;
    this.events = events;
    this.messages = messages;
  }

  /** A JSON API request (under {@code /api/}). */
  static boolean isApi(HttpServletRequest request) {
    return request.getServletPath().startsWith(API_PREFIX);
  }

  /** A JSON API request that names a bearer token: CSRF does not apply to it. */
  static boolean carriesBearer(HttpServletRequest request) {
    return isApi(request) && bearerToken(request).isPresent();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !carriesBearer(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = bearerToken(request).orElseThrow();
    BearerAuthenticator authenticator = authenticators.getIfAvailable();
    BearerResult result =
        token.isEmpty() || authenticator == null
            ? BearerResult.refused(BearerRefused.Reason.UNKNOWN, "")
            : authenticator.authenticate(token);
    if (result.user().isEmpty()) {
      BearerRefused.Reason reason = result.refusal().orElse(BearerRefused.Reason.UNKNOWN);
      events.publishEvent(
          new BearerRefused(
              result.label(),
              request.getRemoteAddr(),
              request.getMethod() + " " + request.getRequestURI(),
              reason));
      writeUnauthorized(response, messages.get("api-token.refused"));
      return;
    }
    QingshanPrincipal user = result.user().get();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    request.setAttribute(AUTHENTICATED, Boolean.TRUE);
    chain.doFilter(request, response);
  }

  /**
   * Answers JSON API requests of visitors not logged in with 401 rather than the login page, which
   * a program cannot use.
   */
  static AuthenticationEntryPoint unauthorizedEntryPoint(Messages messages) {
    return (request, response, e) ->
        writeUnauthorized(response, messages.get("api-token.unauthenticated"));
  }

  private static void writeUnauthorized(HttpServletResponse response, String message)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpServletResponse.SC_UNAUTHORIZED);
    body.put("message", message);
    // the shape of the JSON API's other refusals too, for clients that read only that
    body.put("errors", List.of(Map.of("message", message)));
    JSON.writeValue(response.getOutputStream(), body);
  }

  private static Optional<String> bearerToken(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null
        || header.length() < SCHEME.length()
        || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()).trim());
  }
}
