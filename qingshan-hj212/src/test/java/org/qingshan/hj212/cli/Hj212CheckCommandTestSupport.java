package org.qingshan.hj212.cli;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The offline check of a corpus line, independent of the codec: regex, length, bitwise CRC. */
public final class Hj212CheckCommandTestSupport {
  private static final Pattern LINE =
      Pattern.compile("^##(\\d{4})(.*)([0-9A-Fa-f]{4})$", Pattern.DOTALL);

  private Hj212CheckCommandTestSupport() {}

  /** Annex A, bit by bit, as the standard's steps describe it. */
  public static int annexA(byte[] data) {
    int reg = 0xFFFF;
    for (byte b : data) {
      reg = (reg >>> 8) ^ (b & 0xFF);
      for (int i = 0; i < 8; i++) {
        boolean lsb = (reg & 1) != 0;
        reg >>>= 1;
        if (lsb) {
          reg ^= 0xA001;
        }
      }
    }
    return reg;
  }

  public static boolean lengthAndCrcCheckOut(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.matches()) {
      return false;
    }
    byte[] seg = m.group(2).getBytes(StandardCharsets.ISO_8859_1);
    return Integer.parseInt(m.group(1)) == seg.length
        && annexA(seg) == Integer.parseInt(m.group(3), 16);
  }

  /** Lines of a corpus file whose length and CRC check out. */
  public static long validLines(byte[] file) {
    long n = 0;
    for (String line : new String(file, StandardCharsets.ISO_8859_1).split("\r?\n")) {
      if (!line.isEmpty() && lengthAndCrcCheckOut(line)) {
        n++;
      }
    }
    return n;
  }
}
