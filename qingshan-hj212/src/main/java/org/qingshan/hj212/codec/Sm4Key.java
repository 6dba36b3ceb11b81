package org.qingshan.hj212.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A device's 16-byte SM4 key (HJ 212-2025 §6.4). Its text never appears in {@link #toString()}, so
 * a key that reaches a log line shows as redacted.
 */
public final class Sm4Key {
  /** Key length in bytes. */
  public static final int LENGTH = 16;

  private final byte[] bytes;

  private Sm4Key(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A key of 16 bytes.
   *
   * @throws IllegalArgumentException when it is not 16 bytes long
   */
  public static Sm4Key of(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("an SM4 key has 16 bytes, not " + key.length);
    }
    return new Sm4Key(key.clone());
  }

  /**
   * A key written as 32 hex digits ({@code hj212 check --sm4-key}).
   *
   * @throws IllegalArgumentException when it is not 32 hex digits
   */
  public static Sm4Key ofHex(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("an SM4 key is 32 hex digits");
    }
    try {
      return new Sm4Key(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an SM4 key is 32 hex digits", e);
    }
  }

  /**
   * A key written as 16 ASCII characters, the form of CN=1014's {@code NewSK} and of the standard's
   * test key {@code 0000000000000000}.
   *
   * @throws IllegalArgumentException when it is not 16 ASCII characters
   */
  public static Sm4Key ofText(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    if (b.length != LENGTH || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("an SM4 key in text is 16 ASCII characters");
    }
    return new Sm4Key(b);
  }

  /** A copy of the key's bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  byte[] shared() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sm4Key k && MessageDigest.isEqual(k.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 0; // a hash would leak bits of the key into hash tables' timing; keys are few
  }

  @Override
  public String toString() {
    return "Sm4Key[redacted]";
  }
}
