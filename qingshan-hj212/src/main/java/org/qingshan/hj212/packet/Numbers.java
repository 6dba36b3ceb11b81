package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;

/** Decimal numbers as devices write them, parsed without creating a String in the common case. */
final class Numbers {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private Numbers() {}

  /** 10^n for 0 <= n <= 22, exactly. */
  static double pow10(int n) {
    return POW10[n];
  }

  /** The value of the decimal text, or NaN when it is not a number. */
  static double parse(byte[] b, int off, int len) {
    if (len == 0) {
      return Double.NaN;
    }
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (b[i] == '-' || b[i] == '+') {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < end; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        any = true;
        if (digits < 18) {
          mantissa = mantissa * 10 + (c - '0');
          if (mantissa != 0) {
            digits++;
          }
          if (dot) {
            scale++;
          }
        } else {
          return slow(b, off, len);
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return slow(b, off, len);
      }
    }
    if (!any) {
      return Double.NaN;
    }
    // exact when the mantissa fits 53 bits and the power of ten is exact: one correctly rounded op
    if (mantissa < (1L << 53) && scale < POW10.length) {
      double v = mantissa / POW10[scale];
      return negative ? -v : v;
    }
    return slow(b, off, len);
  }

  private static double slow(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      boolean ok =
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        return Double.NaN;
      }
    }
    try {
      return Double.parseDouble(new String(b, off, len, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
