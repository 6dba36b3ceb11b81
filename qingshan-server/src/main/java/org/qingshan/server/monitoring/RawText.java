package org.qingshan.server.monitoring;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A raw packet as people may see it: its PW hidden, since whoever reads it could otherwise send
 * data in the device's name. The stored packet keeps it, for replay.
 */
public final class RawText {
  private static final Pattern PASSWORD = Pattern.compile("PW=[^;&]*");

  /** The data packets the raw viewer offers, by CN: real-time, minute, hour, day data, status. */
  public static final List<String> VIEWER_CNS =
      List.of("2011", "2051", "2061", "2031", "2041", "2021");

  private RawText() {}

  /** A stored raw packet: its UTF-8 bytes, or null once cleared by the retention. */
  public static String of(byte[] stored) {
    return stored == null ? null : new String(stored, java.nio.charset.StandardCharsets.UTF_8);
  }

  public static String masked(String raw) {
    return raw == null ? null : PASSWORD.matcher(raw).replaceAll("PW=******");
  }
}
