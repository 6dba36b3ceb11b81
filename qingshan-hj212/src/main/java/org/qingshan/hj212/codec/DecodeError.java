package org.qingshan.hj212.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A rejected packet: what was wrong and the bytes that were rejected (the whole candidate frame or
 * the junk between frames).
 */
public final class DecodeError {
  private final ErrorKind kind;
  private final String message;
  private final byte[] bytes;

  public DecodeError(ErrorKind kind, String message, byte[] bytes) {
    this.kind = kind;
    this.message = message;
    this.bytes = bytes.clone();
  }

  public ErrorKind kind() {
    return kind;
  }

  public String message() {
    return message;
  }

  /** A copy of the offending bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The offending bytes as text (UTF-8, malformed bytes replaced). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return kind.code() + ": " + message + " [" + text() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodeError e
        && e.kind == kind
        && e.message.equals(message)
        && Arrays.equals(e.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(bytes);
  }
}
