package org.qingshan.hj212.packet;

/** Protocol generation, from the version bits of Flag (or their absence). */
public enum ProtocolVersion {
  /** HJ/T 212-2005: version bits 000000, or no Flag field at all. */
  HJT_212_2005,
  /** HJ 212-2017: version bits 000001. */
  HJ_212_2017,
  /** Version bits above 1, seen in the field (Flag=8/9); decoded as 2017-compatible. */
  LATER
}
