package org.qingshan.hj212.packet;

import java.util.Optional;

/**
 * The Flag field: bit 0 (A) asks for a reply, bit 1 (D) marks a split packet, bits 2..7 carry the
 * protocol version.
 *
 * @param value the field's integer value, 0..255
 */
public record Flag(int value) {

  /** Flag of a 2017 packet that wants a reply (5). */
  public static final Flag REPLY_2017 = new Flag(5);

  /** Flag of a 2017 packet without reply (4), used by 9011..9014. */
  public static final Flag NO_REPLY_2017 = new Flag(4);

  /** Flag of a 2025 packet that wants a reply (9). */
  public static final Flag REPLY_2025 = new Flag(9);

  /** Flag of a 2025 packet without reply (8), used by 9011..9014. */
  public static final Flag NO_REPLY_2025 = new Flag(8);

  public Flag {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("Flag must be 0..255: " + value);
    }
  }

  private static final Flag[] ALL = new Flag[256];

  static {
    for (int i = 0; i < ALL.length; i++) {
      ALL[i] = new Flag(i);
    }
  }

  /** The Flag of a value 0..255 (shared instances). */
  public static Flag valueOf(int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("Flag must be 0..255: " + value);
    }
    return ALL[value];
  }

  /** The Flag a packet of {@code version} carries; empty for HJ/T 212-2005, which sends none. */
  public static Optional<Flag> of(ProtocolVersion version, boolean replyRequested) {
    return switch (version) {
      case HJT_212_2005 -> Optional.empty();
      case HJ_212_2017 -> Optional.of(valueOf(replyRequested ? 5 : 4));
      default -> Optional.of(valueOf(replyRequested ? 9 : 8));
    };
  }

  /** Builds a Flag from its parts. */
  public static Flag of(int versionBits, boolean split, boolean replyRequested) {
    return new Flag((versionBits << 2) | (split ? 2 : 0) | (replyRequested ? 1 : 0));
  }

  /** Bit A: the sender wants a reply. */
  public boolean replyRequested() {
    return (value & 1) != 0;
  }

  /** Bit D: the packet carries PNUM/PNO. */
  public boolean split() {
    return (value & 2) != 0;
  }

  /** Bits V5..V0. */
  public int versionBits() {
    return value >>> 2;
  }

  public ProtocolVersion version() {
    int v = versionBits();
    return switch (v) {
      case 0 -> ProtocolVersion.HJT_212_2005;
      case 1 -> ProtocolVersion.HJ_212_2017;
      case 2 -> ProtocolVersion.HJ_212_2025;
      default -> ProtocolVersion.LATER;
    };
  }
}
