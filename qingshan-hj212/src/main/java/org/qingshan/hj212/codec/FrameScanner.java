package org.qingshan.hj212.codec;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/**
 * Cuts a byte stream into candidate frames for {@link PacketDecoder}: each starts at {@code ##}, or
 * is junk between frames. Packets may be separated by CR LF, LF or nothing.
 *
 * <p>The declared length is tried first, so a valid packet is found even when the next one follows
 * without a line end or its text contains {@code ##}. When the bytes at the declared end are not
 * four hex digits followed by a line end, {@code #} or the end of the stream (a truncated or
 * corrupted packet), the candidate ends at the next LF or {@code ##} instead: that is where the
 * scanner resynchronises.
 */
public final class FrameScanner {
  private static final int HEADER = 6;
  private static final int TRAILER = 4;

  private final int maxSegmentLength;

  public FrameScanner(int maxSegmentLength) {
    this.maxSegmentLength = maxSegmentLength;
  }

  /**
   * Takes the next candidate from {@code in}, moving its reader index past it, or returns empty
   * when more bytes are needed.
   *
   * @param endOfInput no more bytes will come: whatever is left forms a last candidate
   */
  public Optional<byte[]> next(ByteBuf in, boolean endOfInput) {
    int r = in.readerIndex();
    int w = in.writerIndex();
    while (r < w && isBlank(in.getByte(r))) {
      r++;
    }
    in.readerIndex(r);
    if (r == w) {
      return Optional.empty();
    }
    int end = frameEnd(in, r, w, endOfInput);
    if (end < 0) {
      return Optional.empty();
    }
    int candidateEnd = end;
    if (candidateEnd > r && in.getByte(candidateEnd - 1) == '\r') {
      candidateEnd--;
    }
    byte[] out = new byte[candidateEnd - r];
    in.getBytes(r, out);
    in.readerIndex(end);
    return Optional.of(out);
  }

  /** End (exclusive) of the candidate starting at r, or -1 when more bytes are needed. */
  private int frameEnd(ByteBuf in, int r, int w, boolean eof) {
    if (r + 1 < w && in.getByte(r) == '#' && in.getByte(r + 1) == '#') {
      int declared = declaredLength(in, r, w);
      if (declared >= 0 && declared <= maxSegmentLength) {
        int total = HEADER + declared + TRAILER;
        if (w - r >= total) {
          if (isWholeFrame(in, r, declared, total, w, eof)) {
            return r + total;
          }
        } else if (!eof && (in.indexOf(r, w, (byte) '\n') < 0 || encryptable(in, r, w))) {
          return -1; // a packet still arriving (an encrypted one may hold line ends)
        }
      } else if (declared == -2 && !eof) {
        return -1; // the length digits have not all arrived
      }
      return delimited(in, r + 1, r, w, eof);
    }
    if (r + 1 == w && in.getByte(r) == '#' && !eof) {
      return -1; // maybe the start of "##"
    }
    return delimited(in, r, r, w, eof);
  }

  /**
   * Whether the declared length leads to four hex digits followed by a line end, '#' or the end of
   * the bytes received so far, with no line end and no "##" inside (or a matching CRC despite it).
   */
  private static boolean isWholeFrame(
      ByteBuf in, int r, int declared, int total, int w, boolean eof) {
    int crcAt = r + HEADER + declared;
    int given = 0;
    for (int i = crcAt; i < crcAt + TRAILER; i++) {
      int d = hex(in.getByte(i));
      if (d < 0) {
        return false;
      }
      given = (given << 4) | d;
    }
    int after = r + total;
    boolean endsWell = true;
    if (after < w) {
      byte t = in.getByte(after);
      endsWell = t == '\r' || t == '\n' || t == '#';
    }
    int inside = r + 2;
    int insideEnd = r + HEADER + declared;
    if (endsWell
        && in.indexOf(inside, insideEnd, (byte) '\n') < 0
        && in.indexOf(inside, insideEnd, (byte) '#') < 0) {
      return true;
    }
    // junk right after it, or a '#' or LF inside: only the standard CRC can confirm the frame,
    // or, for an HJ 212-2025 packet, its shape: its encrypted data area holds any byte, and its CRC
    // is the plain text's, which the decoder checks after decrypting
    return Crc16.hj212(in, r + HEADER, declared) == given
        || endsWell
            && in.getByte(insideEnd - 1) == '&'
            && in.getByte(insideEnd - 2) == '&'
            && encryptable(in, r, insideEnd);
  }

  /**
   * Whether the bytes from {@code r} hold a plain header with {@code Flag} of HJ 212-2025 (8..11)
   * followed by {@code CP=&&} before {@code limit}: a packet framed by its length alone.
   */
  private static boolean encryptable(ByteBuf in, int r, int limit) {
    int flag = -1;
    for (int i = r + HEADER; i + 5 <= limit; i++) {
      byte c = in.getByte(i);
      if (c == '\n' || c == '\r' || c == '#') {
        return false;
      }
      if (c == 'F'
          && i + 6 < limit
          && in.getByte(i + 1) == 'l'
          && in.getByte(i + 2) == 'a'
          && in.getByte(i + 3) == 'g'
          && in.getByte(i + 4) == '=') {
        int d = in.getByte(i + 5) - '0';
        byte next = in.getByte(i + 6);
        if (next >= '0' && next <= '9') {
          d = d * 10 + next - '0';
        }
        flag = d;
      } else if (c == 'C'
          && in.getByte(i + 1) == 'P'
          && in.getByte(i + 2) == '='
          && in.getByte(i + 3) == '&'
          && in.getByte(i + 4) == '&') {
        return flag >= 8 && flag <= 11;
      }
    }
    return false;
  }

  /** Four digits after "##", -1 when they are not digits, -2 when they have not all arrived. */
  private static int declaredLength(ByteBuf in, int r, int w) {
    int v = 0;
    for (int i = r + 2; i < r + HEADER; i++) {
      if (i >= w) {
        return -2;
      }
      byte c = in.getByte(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** A candidate that ends at the next LF or "##" at or after {@code from}. */
  private int delimited(ByteBuf in, int from, int r, int w, boolean eof) {
    for (int i = from; i < w; i++) {
      byte c = in.getByte(i);
      if (c == '\n') {
        return i;
      }
      if (c == '#' && i > r && i + 1 < w && in.getByte(i + 1) == '#') {
        return i;
      }
    }
    if (eof || w - r > HEADER + maxSegmentLength + TRAILER + 2) {
      return w;
    }
    return -1;
  }

  private static boolean isBlank(byte b) {
    return b == '\r' || b == '\n' || b == ' ' || b == '\t';
  }

  private static int hex(byte b) {
    return Crc16.hexDigit(b);
  }
}
