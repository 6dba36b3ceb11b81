package org.qingshan.server.report;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking numbers: 16 symbols drawn by {@link SecureRandom} from 32 (digits and capitals without
 * 0, 1, I and O, which people misread), 80 bits, so that nobody finds another's report by trying
 * numbers; shown in groups of four ({@code 7KQ3-M9XD-…}) and read back with or without the dashes,
 * spaces and small letters people type.
 */
final class TrackingNumbers {
  static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingNumbers() {}

  /** A new number, stored without dashes. */
  static String next() {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** The number as stored, or empty when what was typed cannot be one. */
  static Optional<String> normalize(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    String s = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    if (s.length() != LENGTH) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      if (ALPHABET.indexOf(s.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(s);
  }

  /** Grouped by four for reading aloud and writing down. */
  static String grouped(String number) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < number.length(); i += 4) {
      if (i > 0) {
        sb.append('-');
      }
      sb.append(number, i, Math.min(number.length(), i + 4));
    }
    return sb.toString();
  }
}
