package org.qingshan.hj212.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A small shared table of the short strings that repeat in every packet (factor codes, flags, ST,
 * CN, PW, MN), so decoding does not allocate a new String for each.
 *
 * <p>Races between threads are harmless: slots hold immutable entries, a lost write only costs a
 * later allocation.
 */
public final class Codes {
  private static final int SIZE = 8192;
  private static final Entry[] TABLE = new Entry[SIZE];

  private record Entry(int len, long w0, long w1, long w2, String text) {}

  private static final String[] SINGLE = new String[128];

  static {
    for (int i = 0; i < SINGLE.length; i++) {
      SINGLE[i] = String.valueOf((char) i);
    }
  }

  private Codes() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
    // kept small enough to inline: most data flags are one letter
    if (len == 1 && b[off] >= 0) {
      return SINGLE[b[off]];
    }
    return internLonger(b, off, len);
  }

  private static String internLonger(byte[] b, int off, int len) {
    if (len > KeyWords.MAX) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    if (len < 8 && off + 8 <= b.length) {
      // ST, CN, PW, flags: one word; the same hash and slots as the general case below
      long w = KeyWords.load(b, off) & ((1L << (8 * len)) - 1);
      long h = (w * 0x9E3779B97F4A7C15L) ^ len;
      int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SIZE - 2);
      Entry e = TABLE[slot];
      if (e != null && e.len == len && e.w0 == w && e.w1 == 0 && e.w2 == 0) {
        return e.text;
      }
      Entry e2 = TABLE[slot + 1];
      if (e2 != null && e2.len == len && e2.w0 == w && e2.w1 == 0 && e2.w2 == 0) {
        return e2.text;
      }
    }
    boolean fits = KeyWords.fits(b, off, len);
    long w0 = fits ? KeyWords.word(b, off, len, 0) : KeyWords.wordSlow(b, off, len, 0);
    long w1 = fits ? KeyWords.word(b, off, len, 1) : KeyWords.wordSlow(b, off, len, 1);
    long w2 = fits ? KeyWords.word(b, off, len, 2) : KeyWords.wordSlow(b, off, len, 2);
    long h =
        (w0 * 0x9E3779B97F4A7C15L) ^ (w1 * 0xC2B2AE3D27D4EB4FL) ^ (w2 * 0x165667B19E3779F9L) ^ len;
    int slot = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SIZE - 2);
    Entry e = TABLE[slot];
    if (e != null && e.len == len && e.w0 == w0 && e.w1 == w1 && e.w2 == w2) {
      return e.text;
    }
    Entry e2 = TABLE[slot + 1];
    if (e2 != null && e2.len == len && e2.w0 == w0 && e2.w1 == w1 && e2.w2 == w2) {
      return e2.text;
    }
    String created = new String(b, off, len, StandardCharsets.UTF_8);
    // two slots per hash: two frequent codes that collide do not evict each other
    TABLE[e == null ? slot : slot + 1] = new Entry(len, w0, w1, w2, created);
    return created;
  }
}
