package org.qingshan.hj212.packet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The data area (CP) of a packet: typed factor readings and DataTime, decoded eagerly; every other
 * {@code key=value} on demand from the bytes.
 */
public final class DataArea {
  private static final byte[] EMPTY = new byte[0];

  /** The empty data area, {@code CP=&&&&}. */
  public static final DataArea EMPTY_AREA =
      new DataArea(EMPTY, 0, 0, Collections.emptyList(), null);

  private final byte[] source;
  private final int offset;
  private final int length;
  private final List<FactorReading> readings;
  private final LocalDateTime dataTime;

  DataArea(
      byte[] source, int offset, int length, List<FactorReading> readings, LocalDateTime dataTime) {
    this.source = source;
    this.offset = offset;
    this.length = length;
    this.readings = readings;
    this.dataTime = dataTime;
  }

  /** Parses a data area written without its enclosing {@code &&}. */
  public static Optional<DataArea> parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return CpParser.parse(b, 0, b.length).area();
  }

  /** DataTime, if present. */
  public Optional<LocalDateTime> dataTime() {
    return Optional.ofNullable(dataTime);
  }

  /** Readings by factor, in the order factors first appear. */
  public List<FactorReading> readings() {
    return readings;
  }

  /** The reading of one factor, if present. */
  public Optional<FactorReading> reading(String factor) {
    for (FactorReading r : readings) {
      if (r.factor().equals(factor)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Number of numeric factor values (Rtd, Avg, Min, Max, Cou, Zs…, RS, RT…). */
  public int valueCount() {
    int n = 0;
    for (FactorReading r : readings) {
      n += r.valueCount();
    }
    return n;
  }

  /** Every {@code key=value} in packet order, nested areas left as text. */
  public List<CpEntry> entries() {
    List<CpEntry> out = new ArrayList<>();
    CpParser.entries(source, offset, length, out);
    return Collections.unmodifiableList(out);
  }

  /** The first value of {@code key} at this level, e.g. {@code QnRtn} or {@code SystemTime}. */
  public Optional<String> value(String key) {
    for (CpEntry e : entries()) {
      if (e.key().equals(key)) {
        return Optional.of(e.value());
      }
    }
    return Optional.empty();
  }

  /** The value of {@code key} as a time, if present and well formed. */
  public Optional<LocalDateTime> time(String key) {
    return value(key).flatMap(Hj212Time::parse);
  }

  /** The data area as written between the enclosing {@code &&}. */
  public String text() {
    return new String(source, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataArea d && d.text().equals(text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Writes a data area: {@code ;} between items, {@code ,} between values of one item. */
  public static final class Builder {
    private final StringBuilder text = new StringBuilder();

    private Builder() {}

    /** Starts a new item {@code key=value}. */
    public Builder put(String key, String value) {
      if (text.length() > 0) {
        text.append(';');
      }
      text.append(key).append('=').append(value);
      return this;
    }

    /** Adds {@code key=value} to the current item. */
    public Builder add(String key, String value) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(key).append('=').append(value);
      return this;
    }

    public Builder put(String key, LocalDateTime time) {
      return put(key, Hj212Time.format(time));
    }

    public Builder dataTime(LocalDateTime time) {
      return put("DataTime", time);
    }

    /** A nested data area {@code key=&&…&&}. */
    public Builder putNested(String key, DataArea nested) {
      return put(key, "&&" + nested.text() + "&&");
    }

    /** Text that may contain separators, written as {@code key=//text//}. */
    public Builder putText(String key, String text) {
      return put(key, "//" + text + "//");
    }

    /** One factor as one item: its values then its flag. */
    public Builder reading(String factor, Optional<DataFlag> flag, FactorValue... values) {
      boolean first = true;
      for (FactorValue v : values) {
        String key = factor + "-" + v.suffix().code();
        if (first) {
          put(key, number(v.value()));
          first = false;
        } else {
          add(key, number(v.value()));
        }
      }
      if (flag.isPresent()) {
        String key = factor + "-Flag";
        if (first) {
          put(key, flag.get().name());
        } else {
          add(key, flag.get().name());
        }
      }
      return this;
    }

    /**
     * Builds the area.
     *
     * @throws IllegalArgumentException when what was written does not parse back (a programming
     *     error: a number that is not one, an impossible time)
     */
    public DataArea build() {
      byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
      CpParser p = CpParser.parse(b, 0, b.length);
      return p.area()
          .orElseThrow(() -> new IllegalArgumentException("bad data area: " + p.problem()));
    }
  }

  /** Shortest plain decimal form of a number, as devices write it. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).toPlainString();
  }
}
