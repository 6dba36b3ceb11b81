package org.qingshan.server.registry;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A channel's code: a meter's {@code d} code (ST=44) for power, current and energy, a production
 * state's {@code p} code (ST=45) for a state.
 */
public final class ChannelRules {
  private static final Pattern CODE = Pattern.compile("[dp][0-9A-Za-z]{2,15}");

  private ChannelRules() {}

  public static Optional<String> problem(String code, ChannelKind kind) {
    if (!CODE.matcher(code).matches()) {
      return Optional.of("registry.channel.code.pattern");
    }
    boolean state = code.startsWith("p");
    if (state != (kind == ChannelKind.STATE)) {
      return Optional.of("registry.channel.code.kind");
    }
    return Optional.empty();
  }
}
