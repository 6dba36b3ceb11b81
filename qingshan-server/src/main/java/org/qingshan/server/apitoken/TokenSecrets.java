package org.qingshan.server.apitoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing token secrets. A secret is 32 random bytes, so a plain SHA-256 suffices to
 * store it: there is nothing to guess that a slow hash would protect.
 */
final class TokenSecrets {
  static final String PREFIX = "qs_";
  private static final int LABEL_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The first characters, to tell tokens apart; too few to be of use to anyone who reads them. */
  static String label(String secret) {
    return secret.substring(0, Math.min(LABEL_LENGTH, secret.length()));
  }
}
