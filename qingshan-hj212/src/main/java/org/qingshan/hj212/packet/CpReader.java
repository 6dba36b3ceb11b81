package org.qingshan.hj212.packet;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One parse of a data area for {@link CpParser}. The values collect in per-thread arrays of
 * primitives, reused from packet to packet, so decoding allocates little beyond the result; the
 * reader itself is short-lived, since storing references into long-lived arrays costs a GC barrier
 * per store.
 */
final class CpReader {
  private static final ThreadLocal<ValueScratch> SCRATCH =
      ThreadLocal.withInitial(ValueScratch::new);
  private static final byte[] DATA_TIME = "DataTime".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_SUFFIXES = new byte[0];
  private static final double[] NO_NUMBERS = new double[0];

  private final byte[] b;
  private final int end;
  // the device (MN) and command (CN) whose key order is remembered; null when unknown
  private final String sender;
  private final String kind;
  private String problem;
  private boolean valueProblem;
  private LocalDateTime dataTime;
  private double number;

  // readings by slot, in the order factors first appear; EFlag and SampleTime are rare
  private String[] factors = new String[16];
  private String[] flags = new String[16];
  private String[] eflags;
  // marks of HJ 212-2025 production states (p-codes: St, N, Sr…), rare
  private String[] states;
  private LocalDateTime[] sampleTimes;
  private int readingCount;
  private int cur = -1;
  // a small filter of the factors seen so far: a new factor skips the search (the common case)
  private long seenFactors;

  // values in packet order (suffix ordinals and numbers); a run is a stretch of one slot's values
  private ValueScratch scratch;
  private byte[] suffixes;
  private double[] numbers;
  private int valueCount;
  private int[] runStart;
  private int[] runSlot;
  private int runCount;
  private boolean merged;

  CpReader(byte[] b, int off, int len, String sender, String kind) {
    this.b = b;
    this.end = off + len;
    this.sender = sender;
    this.kind = kind;
  }

  String problem() {
    return problem;
  }

  boolean valueProblem() {
    return valueProblem;
  }

  /** Reads the area; returns null when it does not parse, {@link #problem()} then says why. */
  DataArea read(int off, int len) {
    ValueScratch s = SCRATCH.get();
    if (s.busy) {
      s = new ValueScratch(); // a parse further up this thread's stack holds it
    }
    s.busy = true;
    scratch = s;
    suffixes = s.suffixes;
    numbers = s.numbers;
    runStart = s.runStart;
    runSlot = s.runSlot;
    try {
      run(off);
      if (problem != null) {
        return null;
      }
      return new DataArea(b, off, len, readings(), dataTime);
    } finally {
      s.busy = false;
    }
  }

  private void run(int off) {
    final byte[] b = this.b;
    final int end = this.end;
    // locals, not fields: keys live long, and a reference stored in the heap costs a barrier
    FactorKeys.Key prevKey = null;
    final FactorKeys.Key[] expected =
        sender == null ? KeyOrders.NONE : KeyOrders.last(sender, kind);
    // the keys of this packet, kept only once they differ from what the device sent last time
    FactorKeys.Key[] sent = null;
    int k = 0;
    int pos = off;
    while (pos < end && problem == null) {
      byte c = b[pos];
      if (c == ';' || c == ',') {
        pos++;
        continue;
      }
      int ks = pos;
      int ke;
      // devices repeat their key order: the key the device sent in this place last time (or else
      // the key that followed the previous one last time) is checked in place, without scanning
      // or hashing the key
      FactorKeys.Key key =
          k < expected.length ? expected[k] : prevKey == null ? null : prevKey.next;
      if (key != null && key.isAt(b, ks, end) && !opensBlock(ks + key.len + 1)) {
        ke = ks + key.len;
      } else {
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
        ke = pos;
        if (dash <= 0 || opensBlock(ke + 1)) {
          pos = otherEntry(ks, ke, dash, hash);
          continue;
        }
        key = FactorKeys.lookup(b, ks, ke - ks, dash - ks, hash);
        if (prevKey != null) {
          prevKey.next = key;
        }
      }
      if (sent == null && (k >= expected.length || expected[k] != key)) {
        sent = Arrays.copyOf(expected, Math.max(16, 2 * k));
      }
      if (sent != null) {
        if (k == sent.length) {
          sent = Arrays.copyOf(sent, 2 * k);
        }
        sent[k] = key;
      }
      k++;
      prevKey = key;
      int vs = ke + 1;
      Suffix suffix = key.suffix();
      if (suffix.type() == Suffix.Type.NUMBER) {
        // the common case: read the number while looking for the end of the value
        pos = scanNumber(b, vs);
        double v = number;
        if (Double.isNaN(v)) {
          if (!state(key.factor(), vs, pos)) {
            failValue(" is not a number: ", ks, ke, vs, pos);
          }
        } else {
          addNumber(key.factor(), suffix, v);
        }
      } else if (suffix == Suffix.FLAG) {
        pos = endOfValue(vs);
        select(key.factor());
        flags[cur] = Codes.intern(b, vs, pos - vs);
      } else {
        pos = endOfValue(vs);
        factorEntry(key, ks, ke, vs, pos);
      }
    }
    if (sent != null && sender != null && problem == null) {
      KeyOrders.remember(sender, kind, Arrays.copyOf(sent, k));
    }
  }

  /**
   * An entry that is not a plain factor value: a key without dash (DataTime, QnRtn...), or a nested
   * {@code &&…&&} or {@code //…//} value. Returns where it ends.
   */
  private int otherEntry(int ks, int ke, int dash, int hash) {
    int pos = ke + 1;
    int vs;
    int ve;
    if (pos + 1 < end && b[pos] == '&' && b[pos + 1] == '&') {
      vs = pos + 2;
      ve = closingOfNested(b, vs, end);
      if (ve < 0) {
        failStructure("nested && not closed after ", ks, ke);
        return end;
      }
      pos = ve + 2;
    } else if (pos + 1 < end && b[pos] == '/' && b[pos + 1] == '/') {
      vs = pos + 2;
      ve = indexOf(b, '/', '/', vs, end);
      if (ve < 0) {
        failStructure("// text not closed after ", ks, ke);
        return end;
      }
      pos = ve + 2;
    } else {
      vs = pos;
      ve = endOfValue(pos);
      pos = ve;
    }
    if (dash > 0) {
      factorEntry(FactorKeys.lookup(b, ks, ke - ks, dash - ks, hash), ks, ke, vs, ve);
    } else if (ke - ks == 8 && startsWith(b, ks, DATA_TIME)) {
      dataTime = Hj212Time.parse(b, vs, ve - vs);
      if (dataTime == null) {
        failValue("DataTime is not a time: ", vs, ve, vs, ve);
      }
    }
    return pos;
  }

  private boolean opensBlock(int at) {
    return at + 1 < end
        && ((b[at] == '&' && b[at + 1] == '&') || (b[at] == '/' && b[at + 1] == '/'));
  }

  /** Where the plain value starting at {@code pos} ends: the next ';' or ',', or the end. */
  private int endOfValue(int pos) {
    final byte[] b = this.b;
    byte c;
    while (pos < end && (c = b[pos]) != ';' && c != ',') {
      pos++;
    }
    return pos;
  }

  /**
   * Reads the number ending at the next ';' or ',' into {@link #number} and returns where it ends.
   * A plain decimal ({@code -12.345}) of at most 15 digits is computed here, exactly; anything else
   * is left to {@link Numbers#parse}.
   */
  private int scanNumber(byte[] b, int vs) {
    int pos = vs;
    final int end = this.end;
    boolean negative = false;
    if (pos < end && b[pos] == '-') {
      negative = true;
      pos++;
    }
    long mantissa = 0;
    int first = pos;
    int dot = -1;
    byte c = 0;
    for (; pos < end; pos++) {
      c = b[pos];
      int d = c - '0';
      if (d >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
      } else if (c == '.' && dot < 0) {
        dot = pos;
      } else {
        break;
      }
    }
    if (pos < end && c != ';' && c != ',') {
      int ve = endOfValue(pos);
      number = Numbers.parse(b, vs, ve - vs);
      return ve;
    }
    int digits = dot < 0 ? pos - first : pos - first - 1;
    int scale = dot < 0 ? 0 : pos - dot - 1;
    number = exact(b, vs, pos, mantissa, digits, scale, negative);
    return pos;
  }

  /** A plain decimal's value: exact when short, else from the general parser. */
  private static double exact(
      byte[] b, int vs, int ve, long mantissa, int digits, int scale, boolean negative) {
    if (digits == 0 || digits > 15 || scale > 22) {
      return Numbers.parse(b, vs, ve - vs);
    }
    // at most 15 digits fit 53 bits and 10^scale is exact: one correctly rounded division
    double v = scale == 0 ? mantissa : mantissa / Numbers.pow10(scale);
    return negative ? -v : v;
  }

  private void factorEntry(FactorKeys.Key key, int ks, int ke, int vs, int ve) {
    String factor = key.factor();
    Suffix suffix = key.suffix();
    switch (suffix.type()) {
      case NUMBER -> {
        double v = Numbers.parse(b, vs, ve - vs);
        if (Double.isNaN(v)) {
          if (!state(factor, vs, ve)) {
            failValue(" is not a number: ", ks, ke, vs, ve);
          }
          return;
        }
        addNumber(factor, suffix, v);
      }
      case FLAG -> {
        select(factor);
        if (suffix == Suffix.FLAG || flags[cur] == null) {
          flags[cur] = Codes.intern(b, vs, ve - vs);
        }
      }
      case TIME -> {
        LocalDateTime t = Hj212Time.parse(b, vs, ve - vs);
        if (t == null) {
          failValue(" is not a time: ", ks, ke, vs, ve);
          return;
        }
        select(factor);
        if (sampleTimes == null) {
          sampleTimes = new LocalDateTime[factors.length];
        }
        sampleTimes[cur] = t;
      }
      case TEXT -> {
        if (suffix == Suffix.EFLAG) {
          select(factor);
          if (eflags == null) {
            eflags = new String[factors.length];
          }
          eflags[cur] = str(vs, ve);
        }
      }
    }
  }

  /**
   * Keeps the mark of a production state ({@code p99101-Rtd=St}, HJ 212-2025 ST=45), whose value is
   * a word; false for any other factor, whose value must be a number.
   */
  private boolean state(String factor, int vs, int ve) {
    if (factor.isEmpty() || factor.charAt(0) != 'p' || ve <= vs) {
      return false;
    }
    select(factor);
    if (states == null) {
      states = new String[factors.length];
    }
    states[cur] = Codes.intern(b, vs, ve - vs);
    return true;
  }

  private void addNumber(String factor, Suffix suffix, double v) {
    select(factor);
    if (valueCount == numbers.length) {
      growValues();
    }
    suffixes[valueCount] = (byte) suffix.ordinal();
    numbers[valueCount++] = v;
  }

  private void growValues() {
    suffixes = scratch.suffixes = Arrays.copyOf(suffixes, valueCount * 2);
    numbers = scratch.numbers = Arrays.copyOf(numbers, valueCount * 2);
  }

  /** Makes {@code factor} the current reading, reopening it if it appeared earlier. */
  private void select(String factor) {
    // interned: identity is the common case of adjacent keys of one factor
    if (cur < 0 || factors[cur] != factor) {
      switchTo(factor);
    }
  }

  private void switchTo(String factor) {
    if (cur >= 0 && factor.equals(factors[cur])) {
      return;
    }
    int hash = factor.hashCode();
    long bit = 1L << (hash & 63);
    boolean maybeSeen = (seenFactors & bit) != 0;
    seenFactors |= bit;
    int slot = -1;
    for (int i = 0; maybeSeen && i < readingCount; i++) {
      String f = factors[i];
      if (f.hashCode() == hash && f.equals(factor)) {
        // a factor split over non-adjacent items (seen in the field): merge into its first place
        slot = i;
        merged = true;
        break;
      }
    }
    if (slot < 0) {
      slot = newReading(factor);
    }
    cur = slot;
    if (runCount == runStart.length) {
      runStart = scratch.runStart = Arrays.copyOf(runStart, runCount * 2);
      runSlot = scratch.runSlot = Arrays.copyOf(runSlot, runCount * 2);
    }
    runStart[runCount] = valueCount;
    runSlot[runCount++] = slot;
  }

  private int newReading(String factor) {
    int slot = readingCount++;
    if (slot == factors.length) {
      int n = slot * 2;
      factors = Arrays.copyOf(factors, n);
      flags = Arrays.copyOf(flags, n);
      if (eflags != null) {
        eflags = Arrays.copyOf(eflags, n);
      }
      if (states != null) {
        states = Arrays.copyOf(states, n);
      }
      if (sampleTimes != null) {
        sampleTimes = Arrays.copyOf(sampleTimes, n);
      }
    }
    factors[slot] = factor;
    return slot;
  }

  /**
   * The readings over the values copied once into two arrays of exactly the right size; the
   * reader's own arrays of factors and flags are handed over, the reader being done with them.
   */
  private List<FactorReading> readings() {
    int readings = readingCount;
    if (readings == 0) {
      return Collections.emptyList();
    }
    int n = valueCount;
    if (!merged) {
      // each run is one reading, in order
      int[] starts = Arrays.copyOf(runStart, readings + 1);
      starts[readings] = n;
      return list(
          n == 0 ? NO_SUFFIXES : Arrays.copyOf(suffixes, n),
          n == 0 ? NO_NUMBERS : Arrays.copyOf(numbers, n),
          starts);
    }
    // rare: group each reading's runs together, keeping packet order within a reading
    int[] starts = new int[readings + 1];
    for (int r = 0; r < runCount; r++) {
      starts[runSlot[r] + 1] += runEnd(r) - runStart[r];
    }
    for (int i = 1; i <= readings; i++) {
      starts[i] += starts[i - 1];
    }
    int[] at = Arrays.copyOf(starts, readings);
    byte[] s = new byte[n];
    double[] v = new double[n];
    for (int r = 0; r < runCount; r++) {
      int slot = runSlot[r];
      for (int i = runStart[r]; i < runEnd(r); i++) {
        s[at[slot]] = suffixes[i];
        v[at[slot]++] = numbers[i];
      }
    }
    return list(s, v, starts);
  }

  private List<FactorReading> list(byte[] s, double[] v, int[] starts) {
    return new ReadingList(readingCount, factors, flags, eflags, sampleTimes, states, s, v, starts);
  }

  private int runEnd(int r) {
    return r + 1 < runCount ? runStart[r + 1] : valueCount;
  }

  static int closingOfNested(byte[] b, int from, int end) {
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

  static int indexOf(byte[] b, char c1, char c2, int from, int end) {
    for (int i = from; i + 1 < end; i++) {
      if (b[i] == c1 && b[i + 1] == c2) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
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
}
