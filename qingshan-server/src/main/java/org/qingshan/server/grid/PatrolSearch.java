package org.qingshan.server.grid;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What the patrol list asks for; every part optional. */
public record PatrolSearch(
    Optional<String> text,
    Optional<Long> gridId,
    Optional<String> username,
    Optional<OffsetDateTime> from,
    Optional<OffsetDateTime> to,
    boolean problemsOnly) {

  public static PatrolSearch ofUser(String username) {
    return new PatrolSearch(
        Optional.empty(),
        Optional.empty(),
        Optional.of(username),
        Optional.empty(),
        Optional.empty(),
        false);
  }
}
