package org.qingshan.hj212.packet;

import java.time.LocalDateTime;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The readings of one data area, kept as the parser's arrays; a {@link FactorReading} is made when
 * it is first asked for. Most packets are real-time uploads of a dozen factors, and a reading
 * object per factor was most of what decoding allocated.
 */
final class ReadingList extends AbstractList<FactorReading> implements RandomAccess {
  private final int size;
  private final String[] factors;
  private final String[] flags;
  private final String[] extendedFlags;
  private final LocalDateTime[] sampleTimes;
  private final String[] states;
  private final byte[] suffixes;
  private final double[] numbers;
  // reading i owns values starts[i] .. starts[i + 1] - 1
  private final int[] starts;
  // views made on demand; a race makes equal views twice, which is harmless: they are immutable
  private FactorReading[] views;

  ReadingList(
      int size,
      String[] factors,
      String[] flags,
      String[] extendedFlags,
      LocalDateTime[] sampleTimes,
      String[] states,
      byte[] suffixes,
      double[] numbers,
      int[] starts) {
    this.size = size;
    this.factors = factors;
    this.flags = flags;
    this.extendedFlags = extendedFlags;
    this.sampleTimes = sampleTimes;
    this.states = states;
    this.suffixes = suffixes;
    this.numbers = numbers;
    this.starts = starts;
  }

  @Override
  public FactorReading get(int index) {
    Objects.checkIndex(index, size);
    FactorReading[] v = views;
    if (v == null) {
      v = new FactorReading[size];
      views = v;
    }
    FactorReading r = v[index];
    if (r == null) {
      r =
          new FactorReading(
              factors[index],
              suffixes,
              numbers,
              starts[index],
              starts[index + 1] - starts[index],
              flags[index],
              extendedFlags == null ? null : extendedFlags[index],
              sampleTimes == null ? null : sampleTimes[index],
              states == null ? null : states[index]);
      v[index] = r;
    }
    return r;
  }

  @Override
  public int size() {
    return size;
  }
}
