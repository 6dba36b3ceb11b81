package org.qingshan.hj212.packet;

/**
 * The keys each device sent, in order, in its last packet of each command. A device repeats its key
 * order from packet to packet, but devices differ from one another, so a hint kept per key ({@link
 * FactorKeys.Key#next}) guessed wrong for a third of the keys of the field corpus; kept per device
 * and command, the guess is almost always right and a key is checked in place instead of being
 * scanned and looked up.
 *
 * <p>A fixed table: a new device may take the slot of another, which then falls back to the hints
 * per key. Entries are immutable and published with one reference write, so a race between threads
 * only loses a hint.
 */
final class KeyOrders {
  private static final int SIZE = 16384;
  private static final Order[] TABLE = new Order[SIZE];
  static final FactorKeys.Key[] NONE = new FactorKeys.Key[0];

  private record Order(String mn, String cn, FactorKeys.Key[] keys) {}

  private KeyOrders() {}

  /** The keys last sent by {@code mn} with {@code cn}, or none. */
  static FactorKeys.Key[] last(String mn, String cn) {
    Order o = TABLE[slot(mn, cn)];
    return o != null && o.mn.equals(mn) && o.cn.equals(cn) ? o.keys : NONE;
  }

  /** Remembers the keys of the packet just read; {@code keys} is not changed afterwards. */
  static void remember(String mn, String cn, FactorKeys.Key[] keys) {
    TABLE[slot(mn, cn)] = new Order(mn, cn, keys);
  }

  private static int slot(String mn, String cn) {
    int h = mn.hashCode() * 0x9E3779B1 + cn.hashCode();
    return (h ^ (h >>> 15)) & (SIZE - 1);
  }
}
