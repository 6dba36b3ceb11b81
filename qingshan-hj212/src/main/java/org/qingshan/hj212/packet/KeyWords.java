package org.qingshan.hj212.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Short byte strings (up to 24 bytes) as three longs, so that a table entry is recognised by
 * comparing numbers held in the entry itself instead of walking a second array.
 */
final class KeyWords {
  static final int MAX = 24;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private KeyWords() {}

  /** The eight bytes at {@code off}, the first in the low bits; needs {@code off + 8 <= length}. */
  static long load(byte[] b, int off) {
    return (long) LONGS.get(b, off);
  }

  /** Whether {@code len} bytes at {@code off} can be read as whole words without overrunning. */
  static boolean fits(byte[] b, int off, int len) {
    return len <= MAX && off + ((len + 7) & ~7) <= b.length;
  }

  /** Word {@code i} (0..2) of the key, bytes past its end masked to zero. */
  static long word(byte[] b, int off, int len, int i) {
    int rest = len - 8 * i;
    if (rest <= 0) {
      return 0;
    }
    long w = (long) LONGS.get(b, off + 8 * i);
    return rest >= 8 ? w : w & ((1L << (8 * rest)) - 1);
  }

  /** The same words computed byte by byte, for keys that cannot be read whole. */
  static long wordSlow(byte[] b, int off, int len, int i) {
    long w = 0;
    for (int k = Math.min(8, len - 8 * i) - 1; k >= 0; k--) {
      w = (w << 8) | (b[off + 8 * i + k] & 0xFF);
    }
    return len - 8 * i <= 0 ? 0 : w;
  }
}
