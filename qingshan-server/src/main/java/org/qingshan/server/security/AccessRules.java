package org.qingshan.server.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's rules of who may open its pages, contributed as a bean: the security configuration
 * applies every feature's rules (in bean order) and then lets any logged-in user open the rest. A
 * feature lists only its own paths, most specific first; the menu and the pages' buttons ask the
 * same rules (see the web toolkit's {@code Permissions}), so no feature keeps a second table.
 */
@FunctionalInterface
public interface AccessRules {
  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);
}
