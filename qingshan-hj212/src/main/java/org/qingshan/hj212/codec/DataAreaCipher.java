package org.qingshan.hj212.codec;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 of an HJ 212-2025 data area (§6.4, Appendix A.2): ECB over each whole 16-byte block of the
 * text between {@code CP=&&} and the closing {@code &&}; a shorter tail stays plain; the CRC is the
 * plain segment's. Works on whole frames ({@code ##}, length, segment, CRC; no line end).
 */
public final class DataAreaCipher {
  private static final int BLOCK = 16;
  private static final int HEADER = 6;
  private static final int TRAILER = 4;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private DataAreaCipher() {}

  /**
   * The plain frame of an encrypted one, if {@code key} decrypts it to a segment whose CRC is the
   * frame's; the length field is the plain segment's.
   */
  public static Optional<byte[]> decrypt(byte[] frame, Sm4Key key) {
    int[] cp = dataArea(frame);
    if (cp == null) {
      return Optional.empty();
    }
    int given = Crc16.parseHex(frame, frame.length - TRAILER);
    if (given < 0) {
      return Optional.empty();
    }
    byte[] plain;
    if (cp[1] - cp[0] >= 3
        && frame[cp[0]] == '{'
        && frame[cp[0] + 1] == '0'
        && (frame[cp[0] + 2] | 0x20) == 'x') {
      byte[] plainRegion = fromHexText(Arrays.copyOfRange(frame, cp[0], cp[1]), key);
      if (plainRegion == null) {
        return Optional.empty();
      }
      plain = assemble(frame, cp, plainRegion);
    } else {
      // the binary form: one copy, decrypted in place; its length field is already the plain one
      plain = frame.clone();
      blocks(plain, cp[0], cp[1] - cp[0], key, false);
    }
    int segLen = plain.length - HEADER - TRAILER;
    if (segLen > 9999 || Crc16.hj212(plain, HEADER, segLen) != given) {
      return Optional.empty();
    }
    return Optional.of(plain);
  }

  /**
   * Encrypts the data area of a plain frame in {@code form}; the CRC stays the plain segment's. A
   * data area shorter than one block stays as it is.
   *
   * @throws IllegalArgumentException when the frame has no {@code CP=&&…&&} or the text form
   *     exceeds 9999 bytes
   */
  public static byte[] encrypt(byte[] plainFrame, Sm4Key key, CipherForm form) {
    int[] cp = dataArea(plainFrame);
    if (cp == null) {
      throw new IllegalArgumentException("no CP=&&…&& to encrypt");
    }
    byte[] region = Arrays.copyOfRange(plainFrame, cp[0], cp[1]);
    int whole = region.length / BLOCK * BLOCK;
    if (whole == 0) {
      return plainFrame.clone();
    }
    blocks(region, key, true);
    if (form == CipherForm.BINARY) {
      return assemble(plainFrame, cp, region);
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream(whole * 5 + 2);
    text.write('{');
    for (int i = 0; i < whole; i++) {
      if (i > 0) {
        text.write(',');
      }
      String h = String.format("0x%02X", region[i] & 0xFF);
      text.writeBytes(h.getBytes(StandardCharsets.US_ASCII));
    }
    text.write('}');
    text.write(region, whole, region.length - whole);
    byte[] out = assemble(plainFrame, cp, text.toByteArray());
    // the CRC stays the plain segment's, the length counts the text as sent
    System.arraycopy(plainFrame, plainFrame.length - TRAILER, out, out.length - TRAILER, TRAILER);
    return out;
  }

  /**
   * Whether a frame's data area looks encrypted: the text form, or bytes no plain data area holds
   * (control characters). For reports about frames that could not be decrypted.
   */
  public static boolean looksEncrypted(byte[] frame) {
    int[] cp = dataArea(frame);
    if (cp == null) {
      return false;
    }
    byte[] region = Arrays.copyOfRange(frame, cp[0], cp[1]);
    if (isHexText(region)) {
      return true;
    }
    for (byte c : region) {
      if ((c >= 0 && c < 0x20) || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /** {@link #suspicion}: only printable ASCII, or the text form's opening absent. */
  static final int PLAIN = 0;

  /** {@link #suspicion}: bytes above 0x7F that may be UTF-8 or GBK text, or ciphertext. */
  static final int HIGH_BYTES = 1;

  /** {@link #suspicion}: control bytes or the {@code {0x} text form: no plain data area has them. */
  static final int CIPHER = 2;

  /**
   * How much {@code b[from..to)}, a data area whose CRC matched as sent, looks like ciphertext;
   * eight bytes a step, as every plain HJ 212-2025 packet passes here.
   */
  static int suspicion(byte[] b, int from, int to) {
    if (to - from >= 3 && b[from] == '{' && b[from + 1] == '0' && (b[from + 2] | 0x20) == 'x') {
      return CIPHER;
    }
    int i = from;
    long any = 0;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      // high bit set, below 0x20, or 0x7F (adding 1 to 0x7F sets the high bit)
      any |=
          w
              | ((w & 0x7F7F7F7F7F7F7F7FL) - 0x2020202020202020L)
              | ((w & 0x7F7F7F7F7F7F7F7FL) + 0x0101010101010101L);
    }
    return classify(b, (any & 0x8080808080808080L) == 0 ? i : from, to);
  }

  private static int classify(byte[] b, int from, int to) {
    boolean high = false;
    for (int k = from; k < to; k++) {
      byte c = b[k];
      if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7F) {
        return CIPHER;
      }
      high |= c < 0;
    }
    return high ? HIGH_BYTES : PLAIN;
  }

  /** [start, end) of the text between the first {@code CP=&&} and the {@code &&} before the CRC. */
  private static int[] dataArea(byte[] f) {
    int end = f.length - TRAILER - 2;
    if (f.length < HEADER + TRAILER + 7 || f[end] != '&' || f[end + 1] != '&') {
      return null;
    }
    for (int i = HEADER; i + 5 <= end; i++) {
      if (f[i] == 'C' && f[i + 1] == 'P' && f[i + 2] == '=' && f[i + 3] == '&' && f[i + 4] == '&') {
        return new int[] {i + 5, end};
      }
    }
    return null;
  }

  /** The frame with its data area replaced and its length field set to the new segment's. */
  private static byte[] assemble(byte[] frame, int[] cp, byte[] region) {
    int headLen = cp[0];
    int tailLen = frame.length - cp[1];
    byte[] out = new byte[headLen + region.length + tailLen];
    System.arraycopy(frame, 0, out, 0, headLen);
    System.arraycopy(region, 0, out, headLen, region.length);
    System.arraycopy(frame, cp[1], out, headLen + region.length, tailLen);
    int segLen = out.length - HEADER - TRAILER;
    if (segLen > 9999) {
      throw new IllegalArgumentException("segment of " + segLen + " bytes exceeds 9999");
    }
    out[2] = (byte) ('0' + segLen / 1000);
    out[3] = (byte) ('0' + segLen / 100 % 10);
    out[4] = (byte) ('0' + segLen / 10 % 10);
    out[5] = (byte) ('0' + segLen % 10);
    return out;
  }

  /** Encrypts or decrypts the whole blocks of {@code b} in place. */
  private static void blocks(byte[] b, Sm4Key key, boolean encrypt) {
    blocks(b, 0, b.length, key, encrypt);
  }

  /** Encrypts or decrypts the whole blocks of {@code b[off..off+len)} in place. */
  private static void blocks(byte[] b, int off, int len, Sm4Key key, boolean encrypt) {
    SM4Engine sm4 = new SM4Engine();
    sm4.init(encrypt, new KeyParameter(key.shared()));
    for (int i = off; i + BLOCK <= off + len; i += BLOCK) {
      sm4.processBlock(b, i, b, i);
    }
  }

  private static boolean isHexText(byte[] r) {
    return r.length >= 5 && r[0] == '{' && r[1] == '0' && (r[2] == 'x' || r[2] == 'X');
  }

  /** Decrypts {@code {0xE4,0x3E,…}tail}; null when the list is malformed or not whole blocks. */
  private static byte[] fromHexText(byte[] r, Sm4Key key) {
    int close = -1;
    for (int i = 1; i < r.length; i++) {
      if (r[i] == '}') {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return null;
    }
    byte[] bytes = new byte[close / 4 + 1];
    int n = 0;
    int i = 1;
    while (i < close) {
      if (i + 4 > close || r[i] != '0' || (r[i + 1] != 'x' && r[i + 1] != 'X')) {
        return null;
      }
      int hi = Crc16.hexDigit(r[i + 2]);
      int lo = Crc16.hexDigit(r[i + 3]);
      if (hi < 0 || lo < 0) {
        return null;
      }
      bytes[n++] = (byte) (hi << 4 | lo);
      i += 4;
      while (i < close && (r[i] == ',' || r[i] == ' ')) {
        i++;
      }
    }
    if (n == 0 || n % BLOCK != 0) {
      return null;
    }
    bytes = Arrays.copyOf(bytes, n);
    byte[] plain = new byte[n + r.length - close - 1];
    System.arraycopy(bytes, 0, plain, 0, n);
    blocks(bytes, key, false);
    System.arraycopy(bytes, 0, plain, 0, n);
    System.arraycopy(r, close + 1, plain, n, r.length - close - 1);
    return plain;
  }
}
