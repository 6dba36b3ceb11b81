package org.qingshan.hj212.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The fields before CP of packets seen before, by their exact bytes: a device sends the same ST,
 * CN, PW, MN and Flag in every packet of a kind, so a header is recognised by one comparison
 * instead of being split into fields again. A leading QN, different in every packet, is left out by
 * the caller.
 *
 * <p>A fixed table; entries are immutable and published with one reference write, so a race between
 * threads only loses an entry. Only headers that parsed without a problem are kept, and equal bytes
 * parse to equal fields, so a hit gives what parsing would.
 */
final class KnownHeaders {
  private static final int SIZE = 4096;
  private static final Entry[] TABLE = new Entry[SIZE];
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The fields of one header; {@code -1} for an absent number. */
  record Entry(
      byte[] bytes,
      String st,
      String cn,
      String pw,
      String mn,
      int flag,
      int pnum,
      int pno,
      boolean resent) {}

  private KnownHeaders() {}

  /** The header whose bytes are {@code b[from..to)}, if seen before. */
  static Entry find(byte[] b, int from, int to) {
    Entry e = TABLE[slot(b, from, to)];
    if (e != null && Arrays.equals(e.bytes, 0, e.bytes.length, b, from, to)) {
      return e;
    }
    return null;
  }

  static void remember(
      byte[] b,
      int from,
      int to,
      String st,
      String cn,
      String pw,
      String mn,
      int flag,
      int pnum,
      int pno,
      boolean resent) {
    TABLE[slot(b, from, to)] =
        new Entry(Arrays.copyOfRange(b, from, to), st, cn, pw, mn, flag, pnum, pno, resent);
  }

  private static int slot(byte[] b, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
    }
    if (i < to) {
      long w = 0;
      for (int k = to - 1; k >= i; k--) {
        w = (w << 8) | (b[k] & 0xFF);
      }
      h = (h ^ w) * 0x9E3779B97F4A7C15L;
    }
    return (int) (h >>> 52) & (SIZE - 1);
  }
}
