package org.qingshan.server.apitoken;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A personal API token as lists and the audit log show it: never the secret, nor its hash. */
public record ApiToken(
    long id,
    long userId,
    String username,
    String name,
    String label,
    String createdBy,
    OffsetDateTime createdAt,
    Optional<OffsetDateTime> lastUsedAt,
    Optional<OffsetDateTime> revokedAt,
    Optional<String> revokedBy) {

  public boolean revoked() {
    return revokedAt.isPresent();
  }
}
