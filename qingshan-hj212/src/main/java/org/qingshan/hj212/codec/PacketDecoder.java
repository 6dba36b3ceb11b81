package org.qingshan.hj212.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.qingshan.hj212.packet.Codes;
import org.qingshan.hj212.packet.CpParser;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Split;

/**
 * Decodes one candidate frame ({@code ##}, length, segment, CRC; without the CR LF) into a packet
 * or a typed error. Checks run in the order frame, length, CRC, fields, values; the first failure
 * is reported. Never throws on bad input. Thread-safe.
 */
public final class PacketDecoder {
  private static final int HEADER = 6; // "##" + 4 digits
  private static final int TRAILER = 4; // CRC hex digits
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final DecoderOptions options;

  public PacketDecoder(DecoderOptions options) {
    this.options = options;
  }

  /** A decoder with default options. */
  public static PacketDecoder standard() {
    return new PacketDecoder(DecoderOptions.defaults());
  }

  public DecoderOptions options() {
    return options;
  }

  /**
   * Decodes a whole array. The array becomes the packet's raw bytes without a copy: do not change
   * it afterwards.
   */
  public DecodeResult decode(byte[] frame) {
    return decodeOwned(frame);
  }

  /** Decodes {@code len} bytes of {@code buf} from {@code off}; they are copied. */
  public DecodeResult decode(byte[] buf, int off, int len) {
    return decodeOwned(Arrays.copyOfRange(buf, off, off + len));
  }

  /** Decodes the text of one packet. */
  public DecodeResult decode(String frame) {
    return decode(frame.getBytes(StandardCharsets.UTF_8));
  }

  private DecodeResult decodeOwned(byte[] buf) {
    int off = 0;
    int len = buf.length;
    if (len < HEADER + TRAILER || buf[off] != '#' || buf[off + 1] != '#') {
      return error(ErrorKind.FRAME, "no ##, 4-digit length and 4-digit CRC", buf, off, len);
    }
    int declared = 0;
    for (int i = off + 2; i < off + HEADER; i++) {
      byte c = buf[i];
      if (c < '0' || c > '9') {
        return error(ErrorKind.FRAME, "length is not 4 digits", buf, off, len);
      }
      declared = declared * 10 + (c - '0');
    }
    int end = off + len;
    int segStart = off + HEADER;
    int segLen = len - HEADER - TRAILER;
    // the CRC runs first when the length fits: it streams through the bytes in order, so the CRC
    // digits at the end are already in cache when read; the reported order of checks is the same
    int computed = declared == segLen ? Crc16.hj212(buf, segStart, segLen) : -1;
    int given = Crc16.parseHex(buf, end - TRAILER);
    if (given < 0) {
      return error(ErrorKind.FRAME, "no 4 hex digits of CRC at the end", buf, off, len);
    }
    if (declared != segLen) {
      return error(
          ErrorKind.LENGTH,
          "declared length " + declared + ", segment has " + segLen + " bytes",
          buf,
          off,
          len);
    }
    if (segLen > options.maxSegmentLength()) {
      return error(
          ErrorKind.LENGTH,
          "segment of " + segLen + " bytes exceeds " + options.maxSegmentLength(),
          buf,
          off,
          len);
    }
    boolean crcOk = computed == given;
    Header h = new Header();
    String fieldProblem = h.parse(buf, segStart, segStart + segLen);
    byte[] text = buf; // the plain frame: buf, or buf decrypted
    if (!crcOk && !crcAcceptedByDialect(h, buf, segStart, segLen, given)) {
      // an HJ 212-2025 data area is encrypted after the CRC was computed: decrypt, then check
      byte[] plain = fieldProblem == null ? decrypted(h, buf) : null;
      if (plain == null) {
        return error(ErrorKind.CRC, crcMessage(buf, segStart, segLen, given), buf, off, len);
      }
      text = plain;
      h.cpEnd = plain.length - TRAILER - 2;
    }
    if (fieldProblem != null) {
      return error(ErrorKind.FIELD, fieldProblem, buf, off, len);
    }
    if (text == buf && h.flag >> 2 == 2) {
      // the weak CRC matches about one ciphertext in 256 as sent: an HJ 212-2025 data area with
      // bytes no plain one has is decrypted, or called what it is without the key
      int suspicion = DataAreaCipher.suspicion(buf, h.cpStart, h.cpEnd);
      if (suspicion != DataAreaCipher.PLAIN) {
        byte[] plain = decrypted(h, buf);
        if (plain != null) {
          text = plain;
          h.cpEnd = plain.length - TRAILER - 2;
        } else if (suspicion == DataAreaCipher.CIPHER) {
          return error(
              ErrorKind.CRC,
              "CRC "
                  + Crc16.format(given)
                  + " matches encrypted bytes only by chance: no key or a wrong key",
              buf,
              off,
              len);
        }
      }
    }
    CpParser cp = CpParser.parse(text, h.cpStart, h.cpEnd - h.cpStart, h.mn, h.cn);
    Optional<DataArea> parsed = cp.area();
    if (parsed.isEmpty()) {
      return error(
          cp.valueProblem() ? ErrorKind.VALUE : ErrorKind.FIELD,
          cp.problem().orElse("bad data area"),
          buf,
          off,
          len);
    }
    byte[] raw = buf;
    DataArea area = parsed.get();
    Packet.Builder p =
        Packet.builder()
            .st(h.st)
            .cn(h.cn)
            .pw(h.pw)
            .mn(h.mn)
            .cp(area)
            .raw(raw)
            .qn(h.qn)
            .resent(h.resent)
            .encrypted(text != buf);
    if (h.flag >= 0) {
      p.flag(Flag.valueOf(h.flag));
    }
    if (h.pnum >= 0 && h.pno >= 0) {
      p.split(new Split(h.pnum, h.pno));
    }
    return new DecodeResult.Valid(p.build());
  }

  private byte[] decrypted(Header h, byte[] frame) {
    Optional<Sm4Key> key = options.deviceKeys().keyFor(h.mn);
    return key.isEmpty() ? null : DataAreaCipher.decrypt(frame, key.get()).orElse(null);
  }

  private static String crcMessage(byte[] buf, int segStart, int segLen, int given) {
    String m =
        "CRC "
            + Crc16.format(given)
            + " does not match the segment's "
            + Crc16.format(Crc16.hj212(buf, segStart, segLen));
    return DataAreaCipher.looksEncrypted(buf) ? m + " (encrypted: no key or a wrong key)" : m;
  }

  private boolean crcAcceptedByDialect(Header h, byte[] buf, int segStart, int segLen, int given) {
    if (h.mn == null) {
      return false;
    }
    CrcDialect dialect = options.crcPolicy().dialectFor(h.mn);
    return switch (dialect) {
      case STRICT -> false;
      case IGNORE -> true;
      case ACCEPT_SWAPPED_MODBUS -> Crc16.swapBytes(Crc16.modbus(buf, segStart, segLen)) == given;
    };
  }

  private static DecodeResult error(ErrorKind kind, String message, byte[] b, int off, int len) {
    return new DecodeResult.Invalid(
        new DecodeError(kind, message, Arrays.copyOfRange(b, off, off + len)));
  }

  /** The fields before CP; lenient about order, unknown fields and a missing ';' before CP. */
  private static final class Header {
    /** CN=1001 (HJ 212-2025): a logger without an MN yet sends its hardware serial. */
    private static final String ACTIVATION = "1001";

    /** The centre's 9013 to a CN=1001 echoes its empty MN. */
    private static final String ACTIVATION_ANSWER = "9013";

    String qn;
    String st;
    String cn;
    String pw;
    String mn;
    int flag = -1;
    int pnum = -1;
    int pno = -1;
    boolean resent;
    int qnCount;
    int cpStart;
    int cpEnd;

    /** Returns a problem, or null when the fields are usable. */
    String parse(byte[] b, int start, int end) {
      int cp = findCp(b, start, end);
      if (cp < 0) {
        return "no CP=&&";
      }
      cpStart = cp + 5;
      cpEnd = end - 2;
      if (cpEnd < cpStart || b[end - 1] != '&' || b[end - 2] != '&') {
        return "CP not closed by &&";
      }
      // a leading QN differs in every packet; the rest is usually a header seen before
      int rest = leadingQnEnd(b, start, cp);
      KnownHeaders.Entry known = KnownHeaders.find(b, rest, cp);
      if (known != null) {
        if (rest > start) {
          qn = new String(b, start + 3, rest - start - 3, StandardCharsets.ISO_8859_1);
        }
        st = known.st();
        cn = known.cn();
        pw = known.pw();
        mn = known.mn();
        flag = known.flag();
        pnum = known.pnum();
        pno = known.pno();
        resent = known.resent();
        return null;
      }
      String problem = fields(b, start, cp);
      // kept when the only QN is the leading one, left out of the bytes
      if (problem == null && qnCount == (rest > start ? 1 : 0)) {
        KnownHeaders.remember(b, rest, cp, st, cn, pw, mn, flag, pnum, pno, resent);
      }
      return problem;
    }

    /** Where a leading {@code QN=…} ends (its separator), or {@code start} when there is none. */
    private static int leadingQnEnd(byte[] b, int start, int cp) {
      if (cp - start < 3 || b[start] != 'Q' || b[start + 1] != 'N' || b[start + 2] != '=') {
        return start;
      }
      int i = start + 3;
      while (i < cp && b[i] != ';' && b[i] != ',') {
        i++;
      }
      return i;
    }

    private String fields(byte[] b, int start, int cp) {
      int i = start;
      String problem = null;
      while (i < cp) {
        byte c = b[i];
        if (c == ';' || c == ',') {
          i++;
          continue;
        }
        int ns = i;
        while (i < cp && b[i] != '=' && b[i] != ';' && b[i] != ',') {
          i++;
        }
        if (i >= cp || b[i] != '=') {
          problem = "field without '=': " + new String(b, ns, i - ns, StandardCharsets.UTF_8);
          continue;
        }
        int ne = i++;
        int vs = i;
        while (i < cp && b[i] != ';' && b[i] != ',') {
          i++;
        }
        String p = field(b, ns, ne - ns, vs, i - vs);
        if (p != null && problem == null) {
          problem = p;
        }
      }
      if (problem != null) {
        return problem;
      }
      if (st == null || st.isEmpty()) {
        return "missing ST";
      }
      if (cn == null || cn.isEmpty()) {
        return "missing CN";
      }
      if (pw == null) {
        return "missing PW";
      }
      if (mn == null || (mn.isEmpty() && !ACTIVATION.equals(cn) && !ACTIVATION_ANSWER.equals(cn))) {
        return "missing MN";
      }
      return null;
    }

    private String field(byte[] b, int ns, int nl, int vs, int vl) {
      if (nl == 2 && b[ns] == 'Q' && b[ns + 1] == 'N') {
        qn = new String(b, vs, vl, StandardCharsets.ISO_8859_1);
        qnCount++;
      } else if (nl == 2 && b[ns] == 'S' && b[ns + 1] == 'T') {
        st = Codes.intern(b, vs, vl);
      } else if (nl == 2 && b[ns] == 'C' && b[ns + 1] == 'N') {
        cn = Codes.intern(b, vs, vl);
      } else if (nl == 2 && b[ns] == 'P' && b[ns + 1] == 'W') {
        pw = Codes.intern(b, vs, vl);
      } else if (nl == 2 && b[ns] == 'M' && b[ns + 1] == 'N') {
        mn = Codes.intern(b, vs, vl);
      } else if (nl == 4
          && b[ns] == 'F'
          && b[ns + 1] == 'l'
          && b[ns + 2] == 'a'
          && b[ns + 3] == 'g') {
        flag = digits(b, vs, vl, 255);
        if (flag < 0) {
          return "Flag is not 0..255: " + new String(b, vs, vl, StandardCharsets.UTF_8);
        }
      } else if (nl == 4
          && b[ns] == 'P'
          && b[ns + 1] == 'N'
          && b[ns + 2] == 'U'
          && b[ns + 3] == 'M') {
        pnum = digits(b, vs, vl, 9999);
        if (pnum < 1) {
          return "PNUM is not 1..9999";
        }
      } else if (nl == 2 && b[ns] == 'R' && b[ns + 1] == 'F') {
        // HJ 212-2025 sends RF=1 on a re-send and leaves the field out otherwise
        resent = vl == 1 && b[vs] == '1';
        if (!resent && !(vl == 1 && b[vs] == '0')) {
          return "RF is not 1: " + new String(b, vs, vl, StandardCharsets.UTF_8);
        }
      } else if (nl == 3 && b[ns] == 'P' && b[ns + 1] == 'N' && b[ns + 2] == 'O') {
        pno = digits(b, vs, vl, 9999);
        if (pno < 1) {
          return "PNO is not 1..9999";
        }
      }
      return null;
    }

    private static int digits(byte[] b, int off, int len, int max) {
      if (len == 0 || len > 4) {
        return -1;
      }
      int v = 0;
      for (int i = off; i < off + len; i++) {
        if (b[i] < '0' || b[i] > '9') {
          return -1;
        }
        v = v * 10 + (b[i] - '0');
      }
      return v <= max ? v : -1;
    }

    private static int findCp(byte[] b, int start, int end) {
      // "CP=&&" is found through its first '&', looked for eight bytes at a time: the fields
      // before it rarely hold an '&'
      int p = start + 3;
      while (p + 8 <= end) {
        long marks = ampersands((long) LONGS.get(b, p));
        while (marks != 0) {
          int at = p + (Long.numberOfTrailingZeros(marks) >>> 3);
          if (isCpAt(b, at - 3, start, end)) {
            return at - 3;
          }
          marks &= marks - 1;
        }
        p += 8;
      }
      for (int i = p - 3; i + 5 <= end; i++) {
        if (isCpAt(b, i, start, end)) {
          return i;
        }
      }
      return -1;
    }

    // marks every '&' byte, and possibly a few others right above one: callers check the bytes
    private static long ampersands(long w) {
      long x = w ^ 0x2626262626262626L;
      return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
    }

    private static boolean isCpAt(byte[] b, int i, int start, int end) {
      return i + 5 <= end
          && b[i] == 'C'
          && b[i + 1] == 'P'
          && b[i + 2] == '='
          && b[i + 3] == '&'
          && b[i + 4] == '&'
          && (i == start || b[i - 1] == ';' || b[i - 1] == ',' || isDigit(b[i - 1]));
    }

    private static boolean isDigit(byte c) {
      return c >= '0' && c <= '9';
    }
  }
}
