package org.qingshan.standards.cli;

/** A bad cell: reported on stderr as one line naming the row and the field, never as a trace. */
final class RowError extends Exception {
  RowError(String message) {
    super(message, null, false, false);
  }
}
