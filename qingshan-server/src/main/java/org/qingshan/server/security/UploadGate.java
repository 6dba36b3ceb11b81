package org.qingshan.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.qingshan.plan.common.ByteSize;
import org.qingshan.server.web.ErrorPageAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides about a multipart request from its headers alone, before anything reads its body: the
 * servlet container parses (and spools to disk) the whole body the first time a filter asks for a
 * parameter, which the CSRF check does. So this filter runs ahead of it and refuses an upload to a
 * page that takes none, from someone not logged in or without the page's role, or larger than the
 * page's limit. The refusal closes the connection, so the rest of the body is not received.
 */
class UploadGate extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(UploadGate.class);
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
  private static final AntPathMatcher PATHS = new AntPathMatcher();

  /** A page that takes uploads; {@code roles} empty means anyone, logged in or not. */
  record Endpoint(String path, long maxBytes, Set<String> roles) {
    static Endpoint of(UploadEndpoint contributed) {
      Set<String> roles = new HashSet<>();
      contributed.roles().forEach(r -> roles.add(r.name()));
      return new Endpoint(contributed.path(), contributed.maxSize().toBytes(), roles);
    }
  }

  private final List<Endpoint> endpoints;

  UploadGate(List<Endpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  static UploadGate of(List<UploadEndpoint> contributed, UploadSettings upload) {
    List<Endpoint> endpoints = new ArrayList<>();
    contributed.forEach(e -> endpoints.add(Endpoint.of(e)));
    for (String path : upload.publicPaths()) {
      endpoints.add(new Endpoint(path, upload.publicMaxSize().toBytes(), Set.of()));
    }
    return new UploadGate(endpoints);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<HttpStatus> refusal = refusal(request);
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    log.info(
        "upload to {} refused before reading it: {} ({} bytes announced)",
        request.getServletPath(),
        refusal.get().value(),
        request.getContentLengthLong());
    // The container then drops the connection instead of reading the body to its end.
    response.setHeader(HttpHeaders.CONNECTION, "close");
    if (refusal.get() == HttpStatus.PAYLOAD_TOO_LARGE) {
      ErrorPageAttributes.explain(request, "upload.error.too-large", limit(request));
    }
    response.sendError(refusal.get().value());
  }

  private String limit(HttpServletRequest request) {
    return endpoint(request).map(e -> ByteSize.of(e.maxBytes())).orElse("?");
  }

  private Optional<Endpoint> endpoint(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        ? endpoints.stream()
            .filter(e -> PATHS.match(e.path(), request.getServletPath()))
            .findFirst()
        : Optional.empty();
  }

  private Optional<HttpStatus> refusal(HttpServletRequest request) {
    Optional<Endpoint> endpoint = endpoint(request);
    if (endpoint.isEmpty()) {
      return Optional.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
    Endpoint e = endpoint.get();
    // A program's bearer token is checked after this filter (and refused there before the body is
    // read); the access rules and the feature's own checks then judge its role.
    if (!e.roles().isEmpty() && !BearerTokenFilter.carriesBearer(request)) {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth == null || !TRUST.isFullyAuthenticated(auth)) {
        return Optional.of(HttpStatus.UNAUTHORIZED);
      }
      boolean allowed =
          auth.getAuthorities().stream()
              .map(GrantedAuthority::getAuthority)
              .anyMatch(a -> e.roles().contains(a.replaceFirst("^ROLE_", "")));
      if (!allowed) {
        return Optional.of(HttpStatus.FORBIDDEN);
      }
    }
    long length = request.getContentLengthLong();
    if (length < 0) {
      // Browsers announce the length of a form upload; a chunked one could not be refused in time.
      return Optional.of(HttpStatus.LENGTH_REQUIRED);
    }
    if (length > e.maxBytes()) {
      return Optional.of(HttpStatus.PAYLOAD_TOO_LARGE);
    }
    return Optional.empty();
  }
}
