package org.qingshan.standards.aqi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The concentrations of one report (one hour or one day); an absent indicator is missing data. */
public final class AqiInput {
  private final Map<AqiIndicator, BigDecimal> values;
  private final Set<AqiIndicator> notInMonitoringPlan;

  private AqiInput(Map<AqiIndicator, BigDecimal> values, Set<AqiIndicator> notInMonitoringPlan) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    this.notInMonitoringPlan = Collections.unmodifiableSet(EnumSet.copyOf(notInMonitoringPlan));
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

  /** Indicators the monitoring plan never covered (shown as "/"), see HJ 633—2026 §5.3.2. */
  public Set<AqiIndicator> notInMonitoringPlan() {
    return notInMonitoringPlan;
  }

  /** Collects concentrations; µg/m³, CO in mg/m³. */
  public static final class Builder {
    private final Map<AqiIndicator, BigDecimal> values = new EnumMap<>(AqiIndicator.class);
    private final Set<AqiIndicator> notInMonitoringPlan = EnumSet.noneOf(AqiIndicator.class);

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

    /**
     * Marks an indicator that the monitoring plan never covered and that was never the primary
     * pollutant of a 轻度污染-or-worse day in the past 3 years (the caller vouches for both); its
     * absence then does not force "NA" under HJ 633—2026 §5.3.2.
     */
    public Builder notInMonitoringPlan(AqiIndicator indicator) {
      notInMonitoringPlan.add(indicator);
      return this;
    }

    public AqiInput build() {
      return new AqiInput(values, notInMonitoringPlan);
    }
  }
}
