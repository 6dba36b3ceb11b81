package org.qingshan.server.device;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.qingshan.hj212.command.Commands;
import org.qingshan.server.web.UserFacingException;

/**
 * An SM4 key as an admin types it: 32 hex digits, 16 bytes, not a fixed or patterned key; a new key
 * to send with CN=1014 may also be typed as its 16 characters.
 */
final class Sm4KeyText {
  private Sm4KeyText() {}

  /** The key's bytes; a clear message (that never repeats the input) otherwise. */
  static byte[] parse(String text) {
    String hex = text == null ? "" : text.replaceAll("\\s", "");
    if (!hex.matches("[0-9A-Fa-f]{32}")) {
      throw new UserFacingException("device.sm4.invalid");
    }
    byte[] key = HexFormat.of().parseHex(hex);
    if (patterned(key)) {
      throw new UserFacingException("device.sm4.weak");
    }
    return key;
  }

  /**
   * A new key for CN=1014, as 32 hex digits or as the 16 characters the device receives ({@code
   * NewSK}); a key whose bytes are not 16 printable characters cannot be sent and is refused with a
   * clear message.
   */
  static byte[] parseSendable(String text) {
    String t = text == null ? "" : text;
    byte[] key;
    if (t.length() == 16 && t.chars().allMatch(Commands::newSkCharacter)) {
      key = t.getBytes(StandardCharsets.US_ASCII);
      if (patterned(key)) {
        throw new UserFacingException("device.sm4.weak");
      }
    } else {
      key = parse(t);
    }
    if (!Commands.sendableAsNewSk(key)) {
      throw new UserFacingException("device.sm4.not-sendable");
    }
    return key;
  }

  /** A key repeating a block of 1, 2 or 4 bytes (all 0x30, 0102…), which §6.4.3 forbids. */
  static boolean patterned(byte[] key) {
    for (int period : new int[] {1, 2, 4}) {
      boolean repeats = true;
      for (int i = period; i < key.length && repeats; i++) {
        repeats = key[i] == key[i - period];
      }
      if (repeats) {
        return true;
      }
    }
    return false;
  }
}
