package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Parser of the data area grammar: {@code ;} between items, {@code ,} between values of one item,
 * {@code =} between key and value, nested {@code key=&&…&&}, and {@code //…//} text that may
 * contain separators. Never throws: a problem is reported through {@link #problem()}.
 */
public final class CpParser {
  private final byte[] b;
  private final int end;
  private int pos;
  private String problem;
  private boolean valueProblem;
  private DataArea area;

  private final List<FactorReading> readings = new ArrayList<>(8);
  private LocalDateTime dataTime;
  // the reading being filled: adjacent keys of one factor are the common case
  private String curFactor;
  private Suffix[] curSuffixes;
  private double[] curNumbers;
  private int curCount;
  private String curFlag;
  private String curEFlag;
  private LocalDateTime curSampleTime;

  private CpParser(byte[] b, int off, int len) {
    this.b = b;
    this.pos = off;
    this.end = off + len;
  }

  /** Parses {@code len} bytes of {@code b} from {@code off} (the text between the outer && &&). */
  public static CpParser parse(byte[] b, int off, int len) {
    CpParser p = new CpParser(b, off, len);
    p.run(off, len);
    return p;
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

  private void run(int off, int len) {
    final byte[] b = this.b;
    final int end = this.end;
    int pos = this.pos;
    while (pos < end && problem == null) {
      byte c = b[pos];
      if (c == ';' || c == ',') {
        pos++;
        continue;
      }
      int ks = pos;
      int dash = -1;
      int hash = 0;
      while (pos < end && (c = b[pos]) != '=' && c != ';' && c != ',') {
        if (c == '-' && dash < 0) {
          dash = pos;
        }
        hash = 31 * hash + c;
        pos++;
      }
      if (pos >= end || b[pos] != '=') {
        failStructure("entry without '=': ", ks, pos);
        return;
      }
      int ke = pos++;
      int vs;
      int ve;
      if (pos + 1 < end && b[pos] == '&' && b[pos + 1] == '&') {
        vs = pos + 2;
        ve = closingOfNested(vs);
        if (ve < 0) {
          failStructure("nested && not closed after ", ks, ke);
          return;
        }
        pos = ve + 2;
      } else if (pos + 1 < end && b[pos] == '/' && b[pos + 1] == '/') {
        vs = pos + 2;
        ve = indexOf('/', '/', vs);
        if (ve < 0) {
          failStructure("// text not closed after ", ks, ke);
          return;
        }
        pos = ve + 2;
      } else if (dash > 0) {
        vs = pos;
        if (isFlagOfCurrentFactor(b, ks, dash, ke)) {
          // "xxx-Flag" right after xxx's values: no table lookup needed
          while (pos < end && (c = b[pos]) != ';' && c != ',') {
            pos++;
          }
          curFlag = Codes.intern(b, vs, pos - vs);
          continue;
        }
        FactorKeys.Key key = null;
        if (prevKey != null) {
          FactorKeys.Key predicted = prevKey.next;
          if (predicted != null && predicted.is(b, ks, ke - ks)) {
            key = predicted;
          }
        }
        if (key == null) {
          key = FactorKeys.lookup(b, ks, ke - ks, dash - ks, hash);
          if (prevKey != null) {
            prevKey.next = key;
          }
        }
        prevKey = key;
        if (key.suffix().type() == Suffix.Type.NUMBER) {
          // the common case: read the number while looking for the end of the value
          ve = scanNumber(b, pos, end);
          pos = ve;
          numberEntry(key, ks, ke, vs, ve);
        } else {
          while (pos < end && (c = b[pos]) != ';' && c != ',') {
            pos++;
          }
          ve = pos;
          factorEntry(key, ks, ke, vs, ve);
        }
        if (curFactor == key.factor()) {
          curFactorOff = ks;
          curFactorLen = dash - ks;
        }
        continue;
      } else {
        vs = pos;
        while (pos < end && (c = b[pos]) != ';' && c != ',') {
          pos++;
        }
        ve = pos;
      }
      if (dash > 0) {
        factorEntry(FactorKeys.lookup(b, ks, ke - ks, dash - ks, hash), ks, ke, vs, ve);
      } else if (ke - ks == 8 && startsWith(ks, DATA_TIME)) {
        dataTime = Hj212Time.parse(b, vs, ve - vs);
        if (dataTime == null) {
          failValue("DataTime is not a time: ", vs, ve, vs, ve);
        }
      }
    }
    this.pos = pos;
    if (problem == null) {
      flushReading();
      area =
          new DataArea(
              b,
              off,
              len,
              readings.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(readings),
              dataTime);
    }
  }

  private static final byte[] DATA_TIME = "DataTime".getBytes(StandardCharsets.US_ASCII);

  private double number;
  private FactorKeys.Key prevKey;
  private long seenFactors;
  // where the current factor's code was last written in the packet, for the Flag shortcut
  private int curFactorOff;
  private int curFactorLen = -1;

  private boolean isFlagOfCurrentFactor(byte[] b, int ks, int dash, int ke) {
    int len = dash - ks;
    if (ke - dash != 5
        || len != curFactorLen
        || curFactor == null
        || b[dash + 1] != 'F'
        || b[dash + 2] != 'l'
        || b[dash + 3] != 'a'
        || b[dash + 4] != 'g') {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (b[ks + i] != b[curFactorOff + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a plain decimal ({@code -12.345}) up to the next ';' or ',' into {@link #number} and
   * returns where the value ends; anything else is left to {@link Numbers#parse}.
   */
  private int scanNumber(byte[] b, int pos, int end) {
    int start = pos;
    boolean negative = false;
    if (pos < end && b[pos] == '-') {
      negative = true;
      pos++;
    }
    long mantissa = 0;
    int digits = 0;
    int scale = -1;
    byte c = 0;
    for (; pos < end; pos++) {
      c = b[pos];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0) {
        scale = 0;
      } else {
        break;
      }
    }
    if (pos < end && c != ';' && c != ',') {
      // exponent, '+', junk...: find the end, then the general parser decides
      while (pos < end && (c = b[pos]) != ';' && c != ',') {
        pos++;
      }
      number = Numbers.parse(b, start, pos - start);
      return pos;
    }
    if (digits == 0 || digits > 15 || scale > 22) {
      number = Numbers.parse(b, start, pos - start);
      return pos;
    }
    double v = scale <= 0 ? mantissa : mantissa / Numbers.pow10(scale);
    number = negative ? -v : v;
    return pos;
  }

  private void numberEntry(FactorKeys.Key key, int ks, int ke, int vs, int ve) {
    double v = number;
    if (Double.isNaN(v)) {
      failValue(" is not a number: ", ks, ke, vs, ve);
      return;
    }
    select(key.factor());
    if (curCount == curSuffixes.length) {
      curSuffixes = java.util.Arrays.copyOf(curSuffixes, curCount * 2);
      curNumbers = java.util.Arrays.copyOf(curNumbers, curCount * 2);
    }
    curSuffixes[curCount] = key.suffix();
    curNumbers[curCount++] = v;
  }

  private void factorEntry(FactorKeys.Key key, int ks, int ke, int vs, int ve) {
    String factor = key.factor();
    Suffix suffix = key.suffix();
    switch (suffix.type()) {
      case NUMBER -> {
        double v = Numbers.parse(b, vs, ve - vs);
        if (Double.isNaN(v)) {
          failValue(" is not a number: ", ks, ke, vs, ve);
          return;
        }
        select(factor);
        if (curCount == curSuffixes.length) {
          curSuffixes = java.util.Arrays.copyOf(curSuffixes, curCount * 2);
          curNumbers = java.util.Arrays.copyOf(curNumbers, curCount * 2);
        }
        curSuffixes[curCount] = suffix;
        curNumbers[curCount++] = v;
      }
      case FLAG -> {
        select(factor);
        if (suffix == Suffix.FLAG || curFlag == null) {
          curFlag = Codes.intern(b, vs, ve - vs);
        }
      }
      case TIME -> {
        LocalDateTime t = Hj212Time.parse(b, vs, ve - vs);
        if (t == null) {
          failValue(" is not a time: ", ks, ke, vs, ve);
          return;
        }
        select(factor);
        curSampleTime = t;
      }
      case TEXT -> {
        if (suffix == Suffix.EFLAG) {
          select(factor);
          curEFlag = str(vs, ve);
        }
      }
    }
  }

  /** Makes {@code factor} the current reading, reopening it if it appeared earlier. */
  private void select(String factor) {
    if (factor == curFactor) {
      return; // interned: the common case of adjacent keys of one factor
    }
    if (factor.equals(curFactor)) {
      return;
    }
    flushReading();
    int hash = factor.hashCode();
    long bit = 1L << (hash & 63);
    boolean maybeSeen = (seenFactors & bit) != 0;
    seenFactors |= bit;
    // a small filter of the factors seen so far: a new factor skips the search (the common case)
    for (int i = 0; maybeSeen && i < readings.size(); i++) {
      FactorReading r = readings.get(i);
      if (r.factor().hashCode() == hash && r.factor().equals(factor)) {
        // a factor split over non-adjacent items (seen in the field): merge into its first place
        curFactor = r.factor();
        curCount = r.valueCount();
        curSuffixes = java.util.Arrays.copyOf(r.suffixArray(), Math.max(8, curCount * 2));
        curNumbers = java.util.Arrays.copyOf(r.numberArray(), Math.max(8, curCount * 2));
        curFlag = r.flagCode().orElse(null);
        curEFlag = r.extendedFlag().orElse(null);
        curSampleTime = r.sampleTime().orElse(null);
        curSlot = i;
        return;
      }
    }
    curFactor = factor;
    curSuffixes = new Suffix[4];
    curNumbers = new double[4];
    curCount = 0;
    curFlag = null;
    curEFlag = null;
    curSampleTime = null;
    curSlot = -1;
  }

  private int curSlot = -1;

  private void flushReading() {
    if (curFactor == null) {
      return;
    }
    FactorReading r =
        new FactorReading(
            curFactor, curSuffixes, curNumbers, curCount, curFlag, curEFlag, curSampleTime);
    if (curSlot >= 0) {
      readings.set(curSlot, r);
    } else {
      readings.add(r);
    }
    curFactor = null;
    curFactorLen = -1;
    curSlot = -1;
  }

  private int closingOfNested(int from) {
    int depth = 1;
    for (int i = from; i + 1 < end; i++) {
      if (b[i] == '&' && b[i + 1] == '&') {
        if (i > from && b[i - 1] == '=') {
          depth++;
        } else if (--depth == 0) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  private int indexOf(char c1, char c2, int from) {
    for (int i = from; i + 1 < end; i++) {
      if (b[i] == c1 && b[i + 1] == c2) {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWith(int at, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  // message building kept out of the hot methods so that they stay small enough to inline
  private void failStructure(String what, int from, int to) {
    fail(what + str(from, to), false);
  }

  private void failValue(String what, int ks, int ke, int vs, int ve) {
    fail(str(ks, ke) + what + str(vs, ve), true);
  }

  private void fail(String message, boolean value) {
    problem = message;
    valueProblem = value;
  }

  private String str(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
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
      CpParser helper = new CpParser(b, pos, end - pos);
      if (pos + 1 < end && b[pos] == '&' && b[pos + 1] == '&') {
        int ve = helper.closingOfNested(pos + 2);
        if (ve < 0) {
          return;
        }
        out.add(
            new CpEntry(key, new String(b, pos + 2, ve - pos - 2, StandardCharsets.UTF_8), true));
        pos = ve + 2;
      } else if (pos + 1 < end && b[pos] == '/' && b[pos + 1] == '/') {
        int ve = helper.indexOf('/', '/', pos + 2);
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
