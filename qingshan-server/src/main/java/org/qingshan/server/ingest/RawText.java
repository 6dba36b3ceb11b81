package org.qingshan.server.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A raw packet as people may see it: its PW hidden, since whoever reads it could otherwise send
 * data in the device's name. The stored packet keeps it, for replay.
 */
public final class RawText {
  /** What ends each packet of a stored raw text and of a download. */
  public static final byte[] LINE_END = {'\r', '\n'};

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Pattern PASSWORD = Pattern.compile("PW=[^;&]*");

  /** The data packets the raw viewer offers, by CN: real-time, minute, hour, day data, status. */
  public static final List<String> VIEWER_CNS =
      List.of("2011", "2051", "2061", "2031", "2041", "2021");

  private RawText() {}

  /**
   * A stored raw packet's text, or null once cleared by the retention. The bytes are the device's
   * own: UTF-8 for most, GB 18030 (GBK) for devices that write Chinese that way.
   */
  public static String of(byte[] stored) {
    if (stored == null) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(stored))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(stored, GB18030);
    }
  }

  public static String masked(String raw) {
    return raw == null ? null : PASSWORD.matcher(raw).replaceAll("PW=******");
  }
}
