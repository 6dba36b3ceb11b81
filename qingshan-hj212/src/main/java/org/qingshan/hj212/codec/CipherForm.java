package org.qingshan.hj212.codec;

/**
 * How the SM4 ciphertext of a data area travels. The standard does not settle it (see {@code
 * shared/reference/hj212-2025.md} §3): the decoder reads both, the encoder writes the device's.
 */
public enum CipherForm {
  /** The cipher bytes replace the plain ones one for one; the length field is unchanged. */
  BINARY,
  /**
   * The bytes written as the standard prints them, {@code {0xE4,0x3E,…}}, then the plain tail; the
   * length field counts this text.
   */
  HEX_TEXT
}
