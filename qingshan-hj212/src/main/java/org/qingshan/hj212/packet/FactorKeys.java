package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shared table of data area keys such as {@code w01018-Rtd}, each split once into factor code and
 * suffix: a device sends the same keys in every packet, so a key costs one lookup instead of two
 * strings. Races are harmless: slots hold immutable entries.
 */
final class FactorKeys {
  private static final int SIZE = 8192;
  private static final int MAX_LEN = 40;
  private static final Key[] TABLE = new Key[SIZE];

  /** A key split into factor and suffix. */
  record Key(byte[] bytes, String factor, Suffix suffix) {}

  private FactorKeys() {}

  /**
   * The key of {@code len} bytes at {@code off} whose dash is at {@code off + dash}; {@code hash}
   * is {@link #hash} of the same bytes, computed by the caller while scanning them.
   */
  static Key lookup(byte[] b, int off, int len, int dash, int hash) {
    int slot = (hash ^ (hash >>> 12)) & (SIZE - 2);
    Key k = TABLE[slot];
    if (k != null && Codes.same(k.bytes, b, off, len)) {
      return k;
    }
    Key k2 = TABLE[slot + 1];
    if (k2 != null && Codes.same(k2.bytes, b, off, len)) {
      return k2;
    }
    Key created =
        new Key(
            len > MAX_LEN ? new byte[0] : Arrays.copyOfRange(b, off, off + len),
            Codes.intern(b, off, dash),
            Suffix.parse(b, off + dash + 1, len - dash - 1));
    if (len <= MAX_LEN) {
      TABLE[k == null ? slot : slot + 1] = created;
    }
    return created;
  }

  /** The hash the caller must compute: {@code h = 31 * h + byte}, starting from 0. */
  static int hash(byte[] b, int off, int len) {
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  static String text(Key k) {
    return new String(k.bytes, StandardCharsets.UTF_8);
  }
}
