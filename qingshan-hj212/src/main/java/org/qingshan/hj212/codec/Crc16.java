package org.qingshan.hj212.codec;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The CRC of HJ 212-2017 Annex A, and CRC-16/MODBUS for devices that send it instead.
 *
 * <p>The HJ 212 variant XORs each byte into the register's high byte after shifting it down, so it
 * is not CRC-16/MODBUS although both use the reflected polynomial 0xA001. Both run from the same
 * CRC-16/ARC byte table.
 */
public final class Crc16 {

  private static final int[] TABLE = new int[256];

  /**
   * The register is reduced to its high byte before each input byte, so the HJ 212 CRC is an 8-bit
   * state machine {@code x' = H(x) ^ b} with {@code H(x) = TABLE[x] >>> 8}, and H is linear. {@code
   * STEP[k]} is H applied k times: sixteen bytes then cost one dependent lookup instead of sixteen.
   */
  private static final int[][] STEP = new int[17][256];

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  static {
    for (int i = 0; i < 256; i++) {
      int c = i;
      for (int k = 0; k < 8; k++) {
        c = (c & 1) != 0 ? (c >>> 1) ^ 0xA001 : c >>> 1;
      }
      TABLE[i] = c;
    }
    for (int i = 0; i < 256; i++) {
      STEP[0][i] = i;
    }
    for (int k = 1; k < STEP.length; k++) {
      for (int i = 0; i < 256; i++) {
        STEP[k][i] = TABLE[STEP[k - 1][i]] >>> 8;
      }
    }
  }

  private Crc16() {}

  // one constant array per step count: the JIT then knows each is 256 long and drops bounds checks
  private static final int[] H1 = STEP[1];
  private static final int[] H2 = STEP[2];
  private static final int[] H3 = STEP[3];
  private static final int[] H4 = STEP[4];
  private static final int[] H5 = STEP[5];
  private static final int[] H6 = STEP[6];
  private static final int[] H7 = STEP[7];
  private static final int[] H8 = STEP[8];
  private static final int[] H16 = STEP[16];

  /**
   * What eight bytes add to the state is linear in their 64 bits, so it can be looked up in six
   * chunks of 11 bits instead of eight of 8: fewer operations per word, tables of 11 KB in all.
   */
  private static final byte[] C0 = chunkTable(0);

  private static final byte[] C1 = chunkTable(1);
  private static final byte[] C2 = chunkTable(2);
  private static final byte[] C3 = chunkTable(3);
  private static final byte[] C4 = chunkTable(4);
  private static final byte[] C5 = chunkTable(5);

  private static byte[] chunkTable(int k) {
    int bits = Math.min(11, 64 - 11 * k);
    byte[] t = new byte[1 << bits];
    for (int c = 0; c < t.length; c++) {
      long w = (long) c << (11 * k);
      int v = (int) (w >>> 56);
      for (int b = 0; b < 7; b++) {
        v ^= STEP[7 - b][(int) (w >>> (8 * b)) & 0xFF];
      }
      t[c] = (byte) v;
    }
    return t;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** HJ 212 CRC of {@code len} bytes of {@code data} from {@code off}. */
  public static int hj212(byte[] data, int off, int len) {
    if (len == 0) {
      return 0xFFFF;
    }
    int x = 0xFF ^ (data[off] & 0xFF);
    int i = off + 1;
    int end = off + len;
    // two words a step: the state's chain of dependent lookups is what limits the speed, and the
    // first word's share, found in parallel, only needs to be carried over eight more bytes
    for (; i + 16 <= end; i += 16) {
      int first = word((long) LONGS.get(data, i));
      int second = word((long) LONGS.get(data, i + 8));
      x = H16[x] ^ H8[first] ^ second;
    }
    if (i + 8 <= end) {
      x = H8[x] ^ word((long) LONGS.get(data, i)); // bytes i..i+7, byte i in the low bits
      i += 8;
    }
    for (; i < end; i++) {
      x = H1[x] ^ (data[i] & 0xFF);
    }
    return TABLE[x];
  }

  /** What eight bytes add to the state, as in {@code x' = H8[x] ^ word(w)}. */
  private static int word(long w) {
    return (C0[(int) w & 0x7FF] & 0xFF)
        ^ (C1[(int) (w >>> 11) & 0x7FF] & 0xFF)
        ^ (C2[(int) (w >>> 22) & 0x7FF] & 0xFF)
        ^ (C3[(int) (w >>> 33) & 0x7FF] & 0xFF)
        ^ (C4[(int) (w >>> 44) & 0x7FF] & 0xFF)
        ^ (C5[(int) (w >>> 55)] & 0xFF);
  }

  /** HJ 212 CRC of a whole array. */
  public static int hj212(byte[] data) {
    return hj212(data, 0, data.length);
  }

  /** HJ 212 CRC of {@code len} readable bytes of {@code buf} from absolute index {@code index}. */
  public static int hj212(ByteBuf buf, int index, int len) {
    int reg = 0xFFFF;
    int end = index + len;
    for (int i = index; i < end; i++) {
      reg = TABLE[(reg >>> 8) ^ buf.getUnsignedByte(i)];
    }
    return reg;
  }

  /** CRC-16/MODBUS as normally defined (low byte transmitted first on the wire of Modbus RTU). */
  public static int modbus(byte[] data, int off, int len) {
    int reg = 0xFFFF;
    int end = off + len;
    for (int i = off; i < end; i++) {
      reg = (reg >>> 8) ^ TABLE[(reg ^ data[i]) & 0xFF];
    }
    return reg;
  }

  /**
   * Swaps the two bytes of a 16-bit value: the form in which some devices print their Modbus CRC.
   */
  public static int swapBytes(int crc) {
    return ((crc & 0xFF) << 8) | ((crc >>> 8) & 0xFF);
  }

  /** Four upper-case hex digits, zero padded (the standard's output form). */
  public static String format(int crc) {
    byte[] out = new byte[4];
    writeHex(crc, out, 0);
    return new String(out, StandardCharsets.US_ASCII);
  }

  /** Writes four upper-case hex digits of {@code crc} into {@code out} at {@code off}. */
  public static void writeHex(int crc, byte[] out, int off) {
    out[off] = HEX[(crc >>> 12) & 0xF];
    out[off + 1] = HEX[(crc >>> 8) & 0xF];
    out[off + 2] = HEX[(crc >>> 4) & 0xF];
    out[off + 3] = HEX[crc & 0xF];
  }

  /** Value of four hex digits (either case) at {@code off}, or -1 if any is not a hex digit. */
  public static int parseHex(byte[] data, int off) {
    int v = 0;
    for (int i = off; i < off + 4; i++) {
      int d = hexDigit(data[i]);
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    return -1;
  }
}
