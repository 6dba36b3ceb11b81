package org.qingshan.server.security;

/**
 * A login turned away, announced for the audit log (which keeps one row per name, address and kind
 * a while, with a count) rather than written by security itself.
 *
 * @param username the name as typed
 * @param address where the attempt came from
 * @param reason why it was turned away
 */
public record LoginRefused(String username, String address, Reason reason) {
  /** Why a login was turned away. */
  public enum Reason {
    /** Wrong password or unknown name. */
    WRONG_CREDENTIALS,
    /** The account is disabled. */
    DISABLED,
    /** The name or address must wait before trying again. */
    THROTTLED
  }
}
