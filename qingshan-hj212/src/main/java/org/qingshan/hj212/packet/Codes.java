package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;

/**
 * A small shared table of the short strings that repeat in every packet (factor codes, suffixes,
 * flags, ST, CN, PW, MN), so decoding does not allocate a new String for each.
 *
 * <p>Races between threads are harmless: slots hold immutable Strings, a lost write only costs a
 * later allocation.
 */
public final class Codes {
  private static final int SIZE = 8192;
  private static final int MAX_LEN = 32;
  private static final String[] TABLE = new String[SIZE];

  private Codes() {}

  /** The string of {@code len} bytes at {@code off}, shared with earlier identical ones. */
  public static String intern(byte[] b, int off, int len) {
    if (len > MAX_LEN) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    int h = 1;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 13)) & (SIZE - 1);
    String s = TABLE[slot];
    if (s != null && matches(s, b, off, len)) {
      return s;
    }
    String created = new String(b, off, len, StandardCharsets.UTF_8);
    TABLE[slot] = created;
    return created;
  }

  private static boolean matches(String s, byte[] b, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != (b[off + i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
