package org.qingshan.server.security;

/**
 * Tells who a personal API token ({@code Authorization: Bearer …}) speaks for. Security knows no
 * token store: the feature that issues tokens contributes this as a bean, and the JSON API's
 * requests are then let in as the token's user, with that user's roles, without a session.
 */
public interface BearerAuthenticator {
  /** The token's user, or why it is refused; never throws for a bad token. */
  BearerResult authenticate(String token);
}
