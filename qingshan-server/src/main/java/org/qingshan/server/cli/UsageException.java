package org.qingshan.server.cli;

/** A command line that cannot be understood; the message is shown on one line before the usage. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
