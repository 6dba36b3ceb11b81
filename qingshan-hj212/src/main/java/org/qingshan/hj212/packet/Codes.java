package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small shared table of the short strings that repeat in every packet (factor codes, flags, ST,
 * CN, PW, MN), so decoding does not allocate a new String for each.
 *
 * <p>Races between threads are harmless: slots hold immutable entries, a lost write only costs a
 * later allocation.
 */
public final class Codes {
  private static final int SIZE = 8192;
  private static final int MAX_LEN = 32;
  private static final Entry[] TABLE = new Entry[SIZE];

  private record Entry(byte[] bytes, String text) {}

  private static final String[] SINGLE = new String[128];

  static {
    for (int i = 0; i < SINGLE.length; i++) {
      SINGLE[i] = String.valueOf((char) i);
    }
  }

  private Codes() {}

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** Byte comparison for short keys, eight bytes at a time. */
  static boolean same(byte[] key, byte[] b, int off, int len) {
    if (key.length != len) {
      return false;
    }
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) LONGS.get(key, i) != (long) LONGS.get(b, off + i)) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (key[i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  /** The string of {@code len} bytes at {@code off}, shared with earlier identical ones. */
  public static String intern(byte[] b, int off, int len) {
    if (len == 1 && b[off] >= 0) {
      return SINGLE[b[off]];
    }
    if (len > MAX_LEN) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    int h = len;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    int slot = (h ^ (h >>> 12)) & (SIZE - 2);
    Entry e = TABLE[slot];
    if (e != null && same(e.bytes, b, off, len)) {
      return e.text;
    }
    Entry e2 = TABLE[slot + 1];
    if (e2 != null && same(e2.bytes, b, off, len)) {
      return e2.text;
    }
    byte[] copy = Arrays.copyOfRange(b, off, off + len);
    String created = new String(copy, StandardCharsets.UTF_8);
    // two slots per hash: two frequent codes that collide do not evict each other
    TABLE[e == null ? slot : slot + 1] = new Entry(copy, created);
    return created;
  }
}
