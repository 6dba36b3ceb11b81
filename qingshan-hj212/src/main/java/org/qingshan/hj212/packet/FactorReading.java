package org.qingshan.hj212.packet;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything one packet says about one factor (pollutant or parameter): its numeric values, data
 * flag, extended flag and sampling time.
 */
public final class FactorReading {
  private final String factor;
  private static final Suffix[] SUFFIXES = Suffix.values();

  // parallel arrays rather than value objects: decoding creates no object per value; the readings
  // of one packet share the arrays, each reading owning valueCount entries from offset. Suffixes
  // are kept as ordinals: the decoder copies them in one block, with no GC barrier per element
  private final byte[] suffixes;
  private final double[] numbers;
  private final int offset;
  private final int valueCount;
  private final String flagCode;
  private final String extendedFlag;
  private final LocalDateTime sampleTime;
  private final String state;

  FactorReading(
      String factor,
      byte[] suffixes,
      double[] numbers,
      int offset,
      int valueCount,
      String flagCode,
      String extendedFlag,
      LocalDateTime sampleTime,
      String state) {
    this.factor = factor;
    this.suffixes = suffixes;
    this.numbers = numbers;
    this.offset = offset;
    this.valueCount = valueCount;
    this.flagCode = flagCode;
    this.extendedFlag = extendedFlag;
    this.sampleTime = sampleTime;
    this.state = state;
  }

  /**
   * The mark of a production state (HJ 212-2025 ST=45, {@code p99101-Rtd=St}: St, N, Sr… whose
   * meaning is configuration), when its value is a word rather than a number.
   */
  public Optional<String> state() {
    return Optional.ofNullable(state);
  }

  /** Builds a reading (used by encoders and the simulator). */
  public static FactorReading of(
      String factor, List<FactorValue> values, Optional<String> flagCode) {
    byte[] s = new byte[values.size()];
    double[] n = new double[values.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = (byte) values.get(i).suffix().ordinal();
      n[i] = values.get(i).value();
    }
    return new FactorReading(factor, s, n, 0, s.length, flagCode.orElse(null), null, null, null);
  }

  /** Factor code as sent: {@code w01018}, {@code a21026}, or a 2005 code like {@code 011}. */
  public String factor() {
    return factor;
  }

  /** Numeric values in packet order. */
  public List<FactorValue> values() {
    List<FactorValue> out = new ArrayList<>(valueCount);
    for (int i = offset; i < offset + valueCount; i++) {
      out.add(new FactorValue(SUFFIXES[suffixes[i]], numbers[i]));
    }
    return Collections.unmodifiableList(out);
  }

  /** Number of numeric values. */
  public int valueCount() {
    return valueCount;
  }

  /** The value with the given suffix, if sent. */
  public OptionalDouble value(Suffix suffix) {
    int ordinal = suffix.ordinal();
    for (int i = offset; i < offset + valueCount; i++) {
      if (suffixes[i] == ordinal) {
        return OptionalDouble.of(numbers[i]);
      }
    }
    return OptionalDouble.empty();
  }

  /** The data flag, if sent. */
  public Optional<DataFlag> flag() {
    return flagCode == null ? Optional.empty() : Optional.of(DataFlag.parse(flagCode));
  }

  /** The data flag exactly as sent (non-standard codes included). */
  public Optional<String> flagCode() {
    return Optional.ofNullable(flagCode);
  }

  /** The instrument's extended flag (EFlag), if sent. */
  public Optional<String> extendedFlag() {
    return Optional.ofNullable(extendedFlag);
  }

  /** The sampling time (SampleTime), if sent. */
  public Optional<LocalDateTime> sampleTime() {
    return Optional.ofNullable(sampleTime);
  }

  @Override
  public String toString() {
    return factor + values() + (flagCode == null ? "" : "/" + flagCode);
  }
}
