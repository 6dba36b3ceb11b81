package org.qingshan.hj212.packet;

/**
 * Shared table of data area keys such as {@code w01018-Rtd}, each split once into factor code and
 * suffix: a device sends the same keys in every packet, so a key costs one lookup instead of two
 * strings. Entries are immutable and published with a single reference write, so concurrent readers
 * see either the old or the new entry, never a mix.
 */
final class FactorKeys {
  private static final int SIZE = 4096;
  private static final Key[] TABLE = new Key[SIZE];

  /** A key split into factor and suffix, recognised by its length and words. */
  static final class Key {
    final int len;
    final long w0;
    final long w1;
    final long w2;
    // the bytes of the key in the first word
    final long firstMask;
    final String factor;
    final Suffix suffix;

    /**
     * The key that followed this one last time: devices send the same keys in the same order, so
     * this usually names the next key without a table lookup. Only a hint, always verified; a racy
     * write just loses the hint.
     */
    Key next;

    Key(int len, long w0, long w1, long w2, String factor, Suffix suffix) {
      this.len = len;
      this.firstMask = len >= 8 ? -1L : (1L << (8 * len)) - 1;
      this.w0 = w0;
      this.w1 = w1;
      this.w2 = w2;
      this.factor = factor;
      this.suffix = suffix;
    }

    String factor() {
      return factor;
    }

    Suffix suffix() {
      return suffix;
    }

    /** Whether this key followed by '=' starts at {@code off}, before {@code end}. */
    boolean isAt(byte[] b, int off, int end) {
      int e = off + len;
      if (e >= end || b[e] != '=') {
        return false;
      }
      if (len > 8 || off + 8 > b.length) {
        return is(b, off, len);
      }
      // most keys ("S01-Rtd", "01-Flag") fit one word
      return (KeyWords.load(b, off) & firstMask) == w0;
    }

    /** Whether this is the key of {@code len} bytes at {@code off}. */
    boolean is(byte[] b, int off, int len) {
      if (this.len != len || len > KeyWords.MAX) {
        return false;
      }
      if (KeyWords.fits(b, off, len)) {
        return w0 == KeyWords.word(b, off, len, 0)
            && w1 == KeyWords.word(b, off, len, 1)
            && w2 == KeyWords.word(b, off, len, 2);
      }
      return w0 == KeyWords.wordSlow(b, off, len, 0)
          && w1 == KeyWords.wordSlow(b, off, len, 1)
          && w2 == KeyWords.wordSlow(b, off, len, 2);
    }
  }

  private FactorKeys() {}

  /**
   * The key of {@code len} bytes at {@code off} whose dash is at {@code off + dash}; {@code hash}
   * is any hash of the same bytes, computed by the caller while scanning them.
   */
  static Key lookup(byte[] b, int off, int len, int dash, int hash) {
    if (len > KeyWords.MAX) {
      return create(b, off, len, dash, 0, 0, 0);
    }
    long w0;
    long w1;
    long w2;
    if (KeyWords.fits(b, off, len)) {
      w0 = KeyWords.word(b, off, len, 0);
      w1 = KeyWords.word(b, off, len, 1);
      w2 = KeyWords.word(b, off, len, 2);
    } else {
      w0 = KeyWords.wordSlow(b, off, len, 0);
      w1 = KeyWords.wordSlow(b, off, len, 1);
      w2 = KeyWords.wordSlow(b, off, len, 2);
    }
    int slot = (hash ^ (hash >>> 11)) & (SIZE - 2);
    Key k = TABLE[slot];
    if (k != null && k.len == len && k.w0 == w0 && k.w1 == w1 && k.w2 == w2) {
      return k;
    }
    Key k2 = TABLE[slot + 1];
    if (k2 != null && k2.len == len && k2.w0 == w0 && k2.w1 == w1 && k2.w2 == w2) {
      return k2;
    }
    Key created = create(b, off, len, dash, w0, w1, w2);
    // two slots per hash: two frequent keys that collide do not evict each other
    TABLE[k == null ? slot : slot + 1] = created;
    return created;
  }

  private static Key create(byte[] b, int off, int len, int dash, long w0, long w1, long w2) {
    return new Key(
        len,
        w0,
        w1,
        w2,
        Codes.intern(b, off, dash),
        Suffix.parse(b, off + dash + 1, len - dash - 1));
  }
}
