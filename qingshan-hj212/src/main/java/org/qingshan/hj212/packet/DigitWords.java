package org.qingshan.hj212.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Runs of decimal digits read eight bytes at a time: a device value such as {@code 36.91} then
 * costs a few word operations instead of a branch per character, whose outcome (where the dot and
 * the end fall) the processor cannot predict.
 */
final class DigitWords {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ZEROS = 0x3030303030303030L;
  private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
  private static final long LOW_NIBBLES = 0x0F0F0F0F0F0F0F0FL;
  private static final long SIXES = 0x0606060606060606L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private DigitWords() {}

  /** The eight bytes at {@code off}, the first in the low bits; needs {@code off + 8 <= length}. */
  static long load(byte[] b, int off) {
    return (long) LONGS.get(b, off);
  }

  /** How many of the word's bytes, from the first, are digits '0'..'9' (0 to 8). */
  static int leadingDigits(long w) {
    // a byte is a digit when its high nibble is 3 and its low nibble plus 6 stays below 16
    long bad = ((w & HIGH_NIBBLES) ^ ZEROS) | (((w & LOW_NIBBLES) + SIXES) & HIGH_NIBBLES);
    long marks = (((bad & LOW7) + LOW7) | bad) & HIGH_BITS;
    return Long.numberOfTrailingZeros(marks) >>> 3;
  }

  /** Value of the word's first {@code n} bytes (1 to 8), which must all be digits. */
  static long value(long w, int n) {
    int shift = 8 * (8 - n);
    // the digits move to the top bytes, zeros come in below: leading zeros do not change a value
    long v = (w << shift) - (ZEROS << shift);
    v = (v * 10 + (v >>> 8)) & 0x00FF00FF00FF00FFL;
    v = (v * 100 + (v >>> 16)) & 0x0000FFFF0000FFFFL;
    return (v * 10000 + (v >>> 32)) & 0xFFFFFFFFL;
  }
}
