package org.qingshan.server.ingest;

/**
 * Text from a device made safe for a log line: control characters (a terminal escape sequence among
 * them) written as {@code \xNN}, and the length capped, so that whatever an MN or a packet holds
 * reaches the console as one short, inert line.
 */
public final class LogText {
  /** Characters of the text kept at most. */
  static final int MAX_LENGTH = 120;

  private LogText() {}

  public static String of(String text) {
    int kept = Math.min(text.length(), MAX_LENGTH);
    StringBuilder out = new StringBuilder(kept + 16);
    for (int i = 0; i < kept; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\\') {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > kept) {
      out.append("…(").append(text.length()).append(" characters)");
    }
    return out.toString();
  }
}
