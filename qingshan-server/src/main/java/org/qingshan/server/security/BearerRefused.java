package org.qingshan.server.security;

/**
 * A request to the JSON API turned away for its token, announced for the audit log (one row per
 * token and address a while, with a count), as {@link LoginRefused} is for logins.
 *
 * @param label the token's public label, or empty for a token nobody issued
 * @param address where the request came from
 * @param request method and path asked for
 * @param reason why it was turned away
 */
public record BearerRefused(String label, String address, String request, Reason reason) {
  /** Why a token was turned away. */
  public enum Reason {
    /** No token like it was ever issued (a guess, a typo, a truncated copy). */
    UNKNOWN,
    /** The token was revoked. */
    REVOKED,
    /** The token's user is disabled. */
    USER_DISABLED
  }
}
