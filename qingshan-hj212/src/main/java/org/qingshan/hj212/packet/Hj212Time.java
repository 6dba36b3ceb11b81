package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/** Times as HJ 212 writes them: {@code yyyyMMddHHmmss}, optionally followed by milliseconds. */
public final class Hj212Time {
  private Hj212Time() {}

  /** Parses 14 or 17 digits; anything else, or an impossible date, gives empty. */
  public static Optional<LocalDateTime> parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return Optional.ofNullable(parse(b, 0, b.length));
  }

  /** Parses 14 or 17 digits in {@code b}; returns null when they do not form a time. */
  static LocalDateTime parse(byte[] b, int off, int len) {
    if (len != 14 && len != 17) {
      return null;
    }
    for (int i = off; i < off + len; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return null;
      }
    }
    int year = num(b, off, 4);
    int month = num(b, off + 4, 2);
    int day = num(b, off + 6, 2);
    int hour = num(b, off + 8, 2);
    int minute = num(b, off + 10, 2);
    int second = num(b, off + 12, 2);
    int millis = len == 17 ? num(b, off + 14, 3) : 0;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000);
    } catch (DateTimeException e) {
      return null; // 30 February and the like
    }
  }

  private static int num(byte[] b, int off, int len) {
    int v = 0;
    for (int i = off; i < off + len; i++) {
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }

  /** The 14-digit form used for DataTime, SystemTime, BeginTime... */
  public static String format(LocalDateTime t) {
    char[] c = new char[14];
    put(c, 0, t.getYear(), 4);
    put(c, 4, t.getMonthValue(), 2);
    put(c, 6, t.getDayOfMonth(), 2);
    put(c, 8, t.getHour(), 2);
    put(c, 10, t.getMinute(), 2);
    put(c, 12, t.getSecond(), 2);
    return new String(c);
  }

  /** The 17-digit form used for QN: the time to the millisecond. */
  public static String formatQn(LocalDateTime t) {
    char[] c = new char[17];
    put(c, 0, t.getYear(), 4);
    put(c, 4, t.getMonthValue(), 2);
    put(c, 6, t.getDayOfMonth(), 2);
    put(c, 8, t.getHour(), 2);
    put(c, 10, t.getMinute(), 2);
    put(c, 12, t.getSecond(), 2);
    put(c, 14, t.getNano() / 1_000_000, 3);
    return new String(c);
  }

  private static void put(char[] c, int off, int value, int width) {
    for (int i = off + width - 1; i >= off; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
