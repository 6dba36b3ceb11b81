package org.qingshan.server.security;

import java.util.List;

/**
 * Pages and endpoints open to anyone without logging in and without a CSRF token (no session is
 * involved), contributed as a bean by a feature, such as the public report page. The feature
 * protects them itself (limits per address, unguessable numbers).
 *
 * @param patterns path patterns ({@code /public/reports/**})
 */
public record PublicPaths(List<String> patterns) {
  public PublicPaths {
    patterns = List.copyOf(patterns);
  }

  public static PublicPaths of(String... patterns) {
    return new PublicPaths(List.of(patterns));
  }
}
