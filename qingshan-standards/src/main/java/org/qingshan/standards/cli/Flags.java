package org.qingshan.standards.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A command's flags read by picocli into an options object. The commands keep their contract: a
 * usage error is one line naming the command, then the usage, and exit code 2.
 */
final class Flags {
  /** Exit code of a usage error. */
  static final int USAGE_ERROR = 2;

  private Flags() {}

  /** Reads {@code args} into {@code options}; the problem, if the arguments do not fit. */
  static Optional<String> parse(Object options, List<String> args) {
    try {
      // No @file expansion: an argument is what was typed.
      new CommandLine(options).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
      return Optional.empty();
    } catch (CommandLine.UnmatchedArgumentException e) {
      return Optional.of("unknown argument " + String.join(" ", e.getUnmatched()));
    } catch (CommandLine.ParameterException e) {
      return Optional.of(e.getMessage());
    }
  }

  static int usageError(PrintStream err, String command, String message, String usage) {
    err.println("qingshan " + command + ": " + message);
    err.println(usage);
    return USAGE_ERROR;
  }
}
