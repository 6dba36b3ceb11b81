package org.qingshan.hj212.packet;

/** Protocol generation, from the version bits of Flag (or their absence). */
public enum ProtocolVersion {
  /** HJ/T 212-2005: version bits 000000, or no Flag field at all. */
  HJT_212_2005,
  /** HJ 212-2017: version bits 000001. */
  HJ_212_2017,
  /** HJ 212-2025 (in force since 2026-01-01): version bits 000010 (Flag=8/9/10/11). */
  HJ_212_2025,
  /** Version bits above 2; decoded as 2025-compatible. */
  LATER
}
