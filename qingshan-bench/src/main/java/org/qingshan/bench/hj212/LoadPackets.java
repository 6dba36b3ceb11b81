package org.qingshan.bench.hj212;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.qingshan.hj212.codec.Crc16;
import org.qingshan.hj212.codec.Sm4Key;

/**
 * The bytes of the load generator's real-time packets (CN 2011, Flag 5: answer wanted; HJ 212-2025:
 * Flag 9), built from pre-encoded parts: only the QN, the DataTime and the CRC change from packet
 * to packet. Building them through {@code Packet} cost the generator more CPU than the gateway
 * spent receiving them, and the two share this machine's cores.
 *
 * <p>With an SM4 key every packet's data area is encrypted as HJ 212-2025 says (ECB, whole blocks,
 * binary, the tail and the CRC plain). ECB lets the blocks after the DataTime, the same in every
 * packet, be encrypted once: per packet only the two blocks holding the DataTime are, so that the
 * generator's share of the cores stays small and the figures are the gateway's.
 */
final class LoadPackets {
  /** Five factors, three with 折算 values: what a stack gas CEMS sends every 30 s. */
  static final String VALUES =
      "a21026-Rtd=21.4,a21026-ZsRtd=25.7,a21026-Flag=N;a21002-Rtd=33.1,a21002-ZsRtd=39.8,"
          + "a21002-Flag=N;a34013-Rtd=3.2,a34013-ZsRtd=3.9,a34013-Flag=N;a19001-Rtd=8.6,"
          + "a19001-Flag=N;a00000-Rtd=96.2,a00000-Flag=N";

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  private static final byte[] QN = ascii("QN=");
  private static final byte[] AFTER_QN = ascii(";ST=31;CN=2011;PW=123456;MN=");
  private static final byte[] AFTER_TIME = ascii(";" + VALUES + "&&");

  /**
   * Where, in {@link #AFTER_TIME}, the last digit of each real-time value stands: plain packets
   * vary it with the packet, so that the load is data an alarm engine judges as it would real data
   * (a value repeated for ever is a 恒值 alarm on every device).
   */
  private static final int[] VARYING_DIGITS = lastDigitsOfRtd();

  private static final int BLOCK = 16;

  /** "DataTime=" and its 14 digits: what changes in the data area lies in its first two blocks. */
  private static final int VARYING_BLOCKS = 2;

  /**
   * What the packets look like beyond their values.
   *
   * @param hj2122025 HJ 212-2025 (Flag=9) rather than 2017 (Flag=5)
   * @param key the SM4 key every device encrypts with, if any (HJ 212-2025 only)
   */
  record Format(boolean hj2122025, Optional<Sm4Key> key) {
    static final Format HJ_212_2017 = new Format(false, Optional.empty());

    String describe() {
      return (hj2122025 ? "HJ 212-2025" : "HJ 212-2017")
          + (key.isPresent() ? ", every device SM4-encrypted" : ", plain");
    }
  }

  /** Where the 17 digits of the QN start in every packet: after "##", the length and "QN=". */
  static final int QN_OFFSET = 2 + 4 + QN.length;

  private final long qnBaseMillis;
  private final long dataTimeBase;
  private final SecondDigits qnSeconds = new SecondDigits();
  private final SecondDigits dataTimeSeconds = new SecondDigits();
  private final byte[] afterMn;
  private final boolean varying;
  private final SM4Engine sm4;
  // the ciphertext of the data area's constant blocks (after the DataTime), encrypted once
  private final byte[] constantCipher;
  private final byte[] block = new byte[BLOCK];

  /**
   * @param qnBase the time in the first QN; QN i is this time plus i milliseconds, so every packet
   *     of a run has its own QN
   * @param dataTimeBase the DataTime of every device's first packet
   */
  LoadPackets(LocalDateTime qnBase, LocalDateTime dataTimeBase) {
    this(qnBase, dataTimeBase, false, Optional.empty());
  }

  /**
   * @param hj2122025 whether the packets say HJ 212-2025 (Flag=9) rather than 2017 (Flag=5)
   * @param key the SM4 key every device encrypts with (HJ 212-2025 only), if any
   */
  LoadPackets(
      LocalDateTime qnBase, LocalDateTime dataTimeBase, boolean hj2122025, Optional<Sm4Key> key) {
    if (key.isPresent() && !hj2122025) {
      throw new IllegalArgumentException("only HJ 212-2025 packets are encrypted");
    }
    this.qnBaseMillis = qnBase.toInstant(ZoneOffset.UTC).toEpochMilli();
    this.dataTimeBase = dataTimeBase.toEpochSecond(ZoneOffset.UTC);
    this.afterMn = ascii(";Flag=" + (hj2122025 ? 9 : 5) + ";CP=&&DataTime=");
    this.varying = !hj2122025;
    if (key.isEmpty()) {
      this.sm4 = null;
      this.constantCipher = null;
      return;
    }
    this.sm4 = new SM4Engine();
    sm4.init(true, new KeyParameter(key.get().bytes()));
    byte[] region = ascii("DataTime=" + "0".repeat(14) + ";" + VALUES);
    int whole = region.length / BLOCK * BLOCK;
    for (int off = 0; off < whole; off += BLOCK) {
      sm4.processBlock(region, off, region, off);
    }
    this.constantCipher = region;
  }

  private static int[] lastDigitsOfRtd() {
    String text = ";" + VALUES + "&&";
    List<Integer> at = new ArrayList<>();
    for (int i = text.indexOf("-Rtd="); i >= 0; i = text.indexOf("-Rtd=", i + 1)) {
      int end = i + "-Rtd=".length();
      while (end < text.length()
          && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
        end++;
      }
      at.add(end - 1);
    }
    return at.stream().mapToInt(Integer::intValue).toArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Packet {@code index} of a run, for device {@code mn}, with DataTime {@code second} seconds
   * after the base (a device's packets each have their own DataTime).
   */
  byte[] packet(byte[] mn, long index, long second) {
    int segment =
        QN.length + 17 + AFTER_QN.length + mn.length + afterMn.length + 14 + AFTER_TIME.length;
    byte[] out = new byte[2 + 4 + segment + 4 + 2];
    out[0] = '#';
    out[1] = '#';
    digits(segment, out, 2, 4);
    int at = 6;
    at = put(QN, out, at);
    long qn = qnBaseMillis + index;
    qnSeconds.write(qn / 1000, out, at);
    digits(qn % 1000, out, at + 14, 3);
    at += 17;
    at = put(AFTER_QN, out, at);
    at = put(mn, out, at);
    at = put(afterMn, out, at);
    int region = at - "DataTime=".length();
    dataTimeSeconds.write(dataTimeBase + second, out, at);
    at += 14;
    int values = at;
    at = put(AFTER_TIME, out, at);
    if (varying) {
      for (int k = 0; k < VARYING_DIGITS.length; k++) {
        out[values + VARYING_DIGITS[k]] = (byte) ('0' + (index + k) % 10);
      }
    }
    Crc16.writeHex(Crc16.hj212(out, 6, segment), out, at);
    out[at + 4] = '\r';
    out[at + 5] = '\n';
    if (sm4 != null) {
      encrypt(out, region, at - 2 - region);
    }
    return out;
  }

  /**
   * Encrypts the data area in place: the CRC above stays the plain segment's, as the standard asks.
   */
  private void encrypt(byte[] out, int region, int length) {
    int whole = length / BLOCK * BLOCK;
    for (int off = 0; off < VARYING_BLOCKS * BLOCK && off < whole; off += BLOCK) {
      System.arraycopy(out, region + off, block, 0, BLOCK);
      sm4.processBlock(block, 0, out, region + off);
    }
    int constant = VARYING_BLOCKS * BLOCK;
    if (whole > constant) {
      System.arraycopy(constantCipher, constant, out, region + constant, whole - constant);
    }
  }

  /**
   * Packet {@code index} of a poisoning device: registered and authenticated, but each packet has
   * what once failed the store's whole transaction, in turn: a QN wider than its column, a CN wider
   * than its column, two factor codes equal in their first 32 characters, a value beyond any
   * instrument. Built through strings: poisoning devices are few.
   */
  byte[] poison(byte[] mn, long index, long second) {
    String qn = qn(index);
    String cn = "2011";
    String time =
        LocalDateTime.ofEpochSecond(dataTimeBase + second, 0, ZoneOffset.UTC).format(SECONDS);
    String values = VALUES;
    switch ((int) (index % 4)) {
      case 0 -> qn = "9".repeat(23) + qn;
      case 1 -> cn = "201100000";
      case 2 -> values = "x".repeat(32) + "1-Rtd=1;" + "x".repeat(32) + "2-Rtd=2";
      default -> values = "a21026-Rtd=1e308,a21026-Flag=N";
    }
    String segment =
        "QN="
            + qn
            + ";ST=31;CN="
            + cn
            + ";PW=123456;MN="
            + new String(mn, StandardCharsets.US_ASCII)
            + ";Flag=5;CP=&&DataTime="
            + time
            + ";"
            + values
            + "&&";
    byte[] body = ascii(segment);
    byte[] out = new byte[2 + 4 + body.length + 4 + 2];
    out[0] = '#';
    out[1] = '#';
    digits(body.length, out, 2, 4);
    System.arraycopy(body, 0, out, 6, body.length);
    Crc16.writeHex(Crc16.hj212(out, 6, body.length), out, 6 + body.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  /** The QN of packet {@code index}: the base time plus {@code index} milliseconds. */
  String qn(long index) {
    return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC)
        .plusNanos((qnBaseMillis + index) * 1_000_000)
        .format(MILLIS);
  }

  /** The QN of a packet this class built. */
  static String qnOf(byte[] packet) {
    String text = new String(packet, StandardCharsets.US_ASCII);
    int from = text.indexOf("QN=") + 3;
    return text.substring(from, text.indexOf(';', from));
  }

  private static int put(byte[] part, byte[] out, int at) {
    System.arraycopy(part, 0, out, at, part.length);
    return at + part.length;
  }

  /**
   * yyyyMMddHHmmss of the last second asked for: consecutive packets share their DataTime second
   * (all devices' packet i / connections) and their QN second (a thousand QNs a second).
   */
  private static final class SecondDigits {
    private long second = Long.MIN_VALUE;
    private final byte[] digits = new byte[14];

    void write(long epochSecond, byte[] out, int at) {
      if (epochSecond != second) {
        String s = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).format(SECONDS);
        for (int i = 0; i < 14; i++) {
          digits[i] = (byte) s.charAt(i);
        }
        second = epochSecond;
      }
      System.arraycopy(digits, 0, out, at, 14);
    }
  }

  private static void digits(long value, byte[] out, int at, int width) {
    for (int i = width - 1; i >= 0; i--) {
      out[at + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
