package org.qingshan.server.security;

import java.util.Optional;

/**
 * What a token check found: the user the token speaks for, or the reason it is refused.
 *
 * @param user the token's user, when accepted
 * @param refusal why it is refused, when not
 * @param label the token's public label (its first characters) for the audit log, never the secret;
 *     empty for a token nobody issued
 */
public record BearerResult(
    Optional<QingshanPrincipal> user, Optional<BearerRefused.Reason> refusal, String label) {

  public static BearerResult accepted(QingshanPrincipal user, String label) {
    return new BearerResult(Optional.of(user), Optional.empty(), label);
  }

  public static BearerResult refused(BearerRefused.Reason reason, String label) {
    return new BearerResult(Optional.empty(), Optional.of(reason), label);
  }
}
