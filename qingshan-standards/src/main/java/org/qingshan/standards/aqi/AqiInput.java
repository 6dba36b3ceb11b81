package org.qingshan.standards.aqi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The concentrations of one report (one hour or one day); an absent indicator is missing data. */
public final class AqiInput {
  private final Map<AqiIndicator, BigDecimal> values;

  private AqiInput(Map<AqiIndicator, BigDecimal> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<BigDecimal> get(AqiIndicator indicator) {
    return Optional.ofNullable(values.get(indicator));
  }

  public Map<AqiIndicator, BigDecimal> values() {
    return values;
  }

  /** Collects concentrations; µg/m³, CO in mg/m³. */
  public static final class Builder {
    private final Map<AqiIndicator, BigDecimal> values = new EnumMap<>(AqiIndicator.class);

    public Builder put(AqiIndicator indicator, BigDecimal concentration) {
      if (concentration.signum() < 0) {
        throw new IllegalArgumentException(indicator + " cannot be negative: " + concentration);
      }
      values.put(indicator, concentration);
      return this;
    }

    public Builder put(AqiIndicator indicator, String concentration) {
      return put(indicator, new BigDecimal(concentration));
    }

    public Builder put(AqiIndicator indicator, Optional<BigDecimal> concentration) {
      concentration.ifPresent(c -> put(indicator, c));
      return this;
    }

    public AqiInput build() {
      return new AqiInput(values);
    }
  }
}
