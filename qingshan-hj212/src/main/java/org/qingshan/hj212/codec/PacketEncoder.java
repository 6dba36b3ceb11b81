package org.qingshan.hj212.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.qingshan.hj212.packet.Packet;

/**
 * Writes packets: fields in the standard's order, the length in bytes, the standard CRC in upper
 * case, and CR LF.
 */
public final class PacketEncoder {
  private PacketEncoder() {}

  /** The data segment of a packet, without length, CRC or line end. */
  public static String segment(Packet p) {
    StringBuilder s = new StringBuilder(96 + p.cp().text().length());
    p.qn().ifPresent(qn -> s.append("QN=").append(qn).append(';'));
    s.append("ST=").append(p.st()).append(';');
    s.append("CN=").append(p.cn()).append(';');
    s.append("PW=").append(p.pw()).append(';');
    s.append("MN=").append(p.mn()).append(';');
    p.flag().ifPresent(f -> s.append("Flag=").append(f.value()).append(';'));
    p.split()
        .ifPresent(
            sp ->
                s.append("PNUM=")
                    .append(sp.total())
                    .append(";PNO=")
                    .append(sp.number())
                    .append(';'));
    if (p.resent()) {
      s.append("RF=1;");
    }
    s.append("CP=&&").append(p.cp().text()).append("&&");
    return s.toString();
  }

  /**
   * The whole packet as bytes, ending with CR LF.
   *
   * @throws IllegalArgumentException when the segment exceeds 9999 bytes
   */
  public static byte[] encode(Packet p) {
    byte[] frame = frame(p);
    byte[] out = Arrays.copyOf(frame, frame.length + 2);
    out[frame.length] = '\r';
    out[frame.length + 1] = '\n';
    return out;
  }

  /**
   * The packet from {@code ##} to its CRC, without the line end: the bytes a received packet keeps.
   *
   * @throws IllegalArgumentException when the segment exceeds 9999 bytes
   */
  public static byte[] frame(Packet p) {
    byte[] seg = segment(p).getBytes(StandardCharsets.UTF_8);
    if (seg.length > 9999) {
      throw new IllegalArgumentException("segment of " + seg.length + " bytes exceeds 9999");
    }
    byte[] out = new byte[seg.length + 10];
    out[0] = '#';
    out[1] = '#';
    int len = seg.length;
    out[2] = (byte) ('0' + len / 1000);
    out[3] = (byte) ('0' + len / 100 % 10);
    out[4] = (byte) ('0' + len / 10 % 10);
    out[5] = (byte) ('0' + len % 10);
    System.arraycopy(seg, 0, out, 6, len);
    Crc16.writeHex(Crc16.hj212(seg, 0, len), out, 6 + len);
    return out;
  }

  /**
   * The whole packet with its data area SM4-encrypted (HJ 212-2025), ending with CR LF; the CRC is
   * the plain segment's.
   *
   * @throws IllegalArgumentException when the segment exceeds 9999 bytes
   */
  public static byte[] encode(Packet p, Sm4Key key, CipherForm form) {
    byte[] frame = DataAreaCipher.encrypt(frame(p), key, form);
    byte[] out = Arrays.copyOf(frame, frame.length + 2);
    out[frame.length] = '\r';
    out[frame.length + 1] = '\n';
    return out;
  }

  /** The whole packet as text, ending with CR LF. */
  public static String encodeToString(Packet p) {
    return new String(encode(p), StandardCharsets.UTF_8);
  }
}
