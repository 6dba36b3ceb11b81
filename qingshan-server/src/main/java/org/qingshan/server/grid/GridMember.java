package org.qingshan.server.grid;

import java.util.Optional;

/** A grid member (网格员) serving a grid: a user of role GRID_MEMBER. */
public record GridMember(
    long gridId,
    long userId,
    String username,
    String displayName,
    Optional<String> phone,
    boolean enabled) {}
