package org.qingshan.server.user;

import java.security.SecureRandom;
import org.qingshan.server.web.UserFacingException;

/** What a password must be, and how the system issues one. */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 8;

  /** bcrypt reads no more than 72 bytes; a longer password is refused, not silently cut. */
  public static final int MAX_BYTES = 72;

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordPolicy() {}

  /** Throws a user-facing error unless the password is long and mixes letters and digits. */
  public static void check(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new UserFacingException("password.error.too-short", MIN_LENGTH);
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new UserFacingException("password.error.too-long", MAX_BYTES);
    }
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      throw new UserFacingException("password.error.letters-and-digits");
    }
  }

  public static String generate() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    // Guarantee both classes the policy asks for.
    return sb.append('7').append('q').toString();
  }
}
