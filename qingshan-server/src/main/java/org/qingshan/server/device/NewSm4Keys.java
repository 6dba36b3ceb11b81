package org.qingshan.server.device;

import java.security.SecureRandom;
import org.qingshan.hj212.command.Commands;
import org.springframework.stereotype.Component;

/**
 * New SM4 keys the platform makes for a key change: 16 random printable characters, the only form
 * CN=1014 can carry ({@code NewSK}), never a fixed or patterned key. 90 characters a position give
 * about 104 bits, the most a 16-character NewSK can hold.
 */
@Component
class NewSm4Keys {
  private static final char[] ALPHABET = alphabet();
  private final SecureRandom random = new SecureRandom();

  byte[] next() {
    byte[] key = new byte[16];
    do {
      for (int i = 0; i < key.length; i++) {
        key[i] = (byte) ALPHABET[random.nextInt(ALPHABET.length)];
      }
    } while (Sm4KeyText.patterned(key) || !Commands.sendableAsNewSk(key));
    return key;
  }

  private static char[] alphabet() {
    StringBuilder b = new StringBuilder();
    for (char c = 0x21; c <= 0x7E; c++) {
      if (Commands.newSkCharacter(c)) {
        b.append(c);
      }
    }
    return b.toString().toCharArray();
  }
}
