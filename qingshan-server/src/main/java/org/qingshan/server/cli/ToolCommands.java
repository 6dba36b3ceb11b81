package org.qingshan.server.cli;

import java.util.Map;

/** The commands that run without the server, by the words that name them on the command line. */
final class ToolCommands {
  private ToolCommands() {}

  static Map<String, ToolCommand> all() {
    return Map.of();
  }
}
