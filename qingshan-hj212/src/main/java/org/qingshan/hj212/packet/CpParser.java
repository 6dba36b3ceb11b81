package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Parser of the data area grammar: {@code ;} between items, {@code ,} between values of one item,
 * {@code =} between key and value, nested {@code key=&&…&&}, and {@code //…//} text that may
 * contain separators. Never throws: a problem is reported through {@link #problem()}.
 */
public final class CpParser {
  private final DataArea area;
  private final String problem;
  private final boolean valueProblem;

  private CpParser(DataArea area, String problem, boolean valueProblem) {
    this.area = area;
    this.problem = problem;
    this.valueProblem = valueProblem;
  }

  /** Parses {@code len} bytes of {@code b} from {@code off} (the text between the outer && &&). */
  public static CpParser parse(byte[] b, int off, int len) {
    return read(new CpReader(b, off, len, null, null), off, len);
  }

  /**
   * Parses the data area of a packet from device {@code mn} with command {@code cn}. The result is
   * the same as without them; they let the parser expect the keys that device sent last time.
   */
  public static CpParser parse(byte[] b, int off, int len, String mn, String cn) {
    return read(
        new CpReader(b, off, len, Objects.requireNonNull(mn), Objects.requireNonNull(cn)),
        off,
        len);
  }

  private static CpParser read(CpReader reader, int off, int len) {
    DataArea area = reader.read(off, len);
    return new CpParser(area, reader.problem(), reader.valueProblem());
  }

  /** The data area, when the text parsed. */
  public Optional<DataArea> area() {
    return Optional.ofNullable(area);
  }

  /** What was wrong, when it did not parse. */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** Whether the problem is a bad value (number, flag, time) rather than bad structure. */
  public boolean valueProblem() {
    return valueProblem;
  }

  /** Lists the entries of an already valid area (structure only, no typing). */
  static void entries(byte[] b, int off, int len, List<CpEntry> out) {
    int pos = off;
    int end = off + len;
    while (pos < end) {
      byte c = b[pos];
      if (c == ';' || c == ',') {
        pos++;
        continue;
      }
      int ks = pos;
      while (pos < end && (c = b[pos]) != '=' && c != ';' && c != ',') {
        pos++;
      }
      if (pos >= end || b[pos] != '=') {
        return;
      }
      String key = new String(b, ks, pos - ks, StandardCharsets.UTF_8);
      pos++;
      if (pos + 1 < end && b[pos] == '&' && b[pos + 1] == '&') {
        int ve = CpReader.closingOfNested(b, pos + 2, end);
        if (ve < 0) {
          return;
        }
        out.add(
            new CpEntry(key, new String(b, pos + 2, ve - pos - 2, StandardCharsets.UTF_8), true));
        pos = ve + 2;
      } else if (pos + 1 < end && b[pos] == '/' && b[pos + 1] == '/') {
        int ve = CpReader.indexOf(b, '/', '/', pos + 2, end);
        if (ve < 0) {
          return;
        }
        out.add(
            new CpEntry(key, new String(b, pos + 2, ve - pos - 2, StandardCharsets.UTF_8), false));
        pos = ve + 2;
      } else {
        int vs = pos;
        while (pos < end && (c = b[pos]) != ';' && c != ',') {
          pos++;
        }
        out.add(new CpEntry(key, new String(b, vs, pos - vs, StandardCharsets.UTF_8), false));
      }
    }
  }
}
