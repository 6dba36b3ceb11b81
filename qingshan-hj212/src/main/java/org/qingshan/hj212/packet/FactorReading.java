package org.qingshan.hj212.packet;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything one packet says about one factor (pollutant or parameter): its numeric values, data
 * flag, extended flag and sampling time.
 */
public final class FactorReading {
  private final String factor;
  private final FactorValue[] values;
  private final int valueCount;
  private final String flagCode;
  private final String extendedFlag;
  private final LocalDateTime sampleTime;

  FactorReading(
      String factor,
      List<FactorValue> values,
      String flagCode,
      String extendedFlag,
      LocalDateTime sampleTime) {
    this(
        factor,
        values.toArray(new FactorValue[0]),
        values.size(),
        flagCode,
        extendedFlag,
        sampleTime);
  }

  FactorReading(
      String factor,
      FactorValue[] values,
      int valueCount,
      String flagCode,
      String extendedFlag,
      LocalDateTime sampleTime) {
    this.factor = factor;
    this.values = values;
    this.valueCount = valueCount;
    this.flagCode = flagCode;
    this.extendedFlag = extendedFlag;
    this.sampleTime = sampleTime;
  }

  /** Builds a reading (used by encoders and the simulator). */
  public static FactorReading of(
      String factor, List<FactorValue> values, Optional<String> flagCode) {
    return new FactorReading(factor, values, flagCode.orElse(null), null, null);
  }

  /** Factor code as sent: {@code w01018}, {@code a21026}, or a 2005 code like {@code 011}. */
  public String factor() {
    return factor;
  }

  /** Numeric values in packet order. */
  public List<FactorValue> values() {
    return java.util.Collections.unmodifiableList(
        java.util.Arrays.asList(values).subList(0, valueCount));
  }

  /** Number of numeric values. */
  public int valueCount() {
    return valueCount;
  }

  /** The value with the given suffix, if sent. */
  public OptionalDouble value(Suffix suffix) {
    for (int i = 0; i < valueCount; i++) {
      FactorValue v = values[i];
      if (v.suffix() == suffix) {
        return OptionalDouble.of(v.value());
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
