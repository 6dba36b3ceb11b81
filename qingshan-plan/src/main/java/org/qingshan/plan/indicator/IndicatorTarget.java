package org.qingshan.plan.indicator;

import java.util.List;
import java.util.Optional;

/** One row of a plan's indicator table (主要指标), with its source line. */
public record IndicatorTarget(
    String no,
    Optional<String> category,
    String name,
    Optional<String> unit,
    List<String> flags,
    Optional<IndicatorValue> baseline,
    Optional<IndicatorValue> target,
    Optional<String> attribute,
    TargetKind targetKind,
    int line) {

  public IndicatorTarget {
    flags = List.copyOf(flags);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the cells of a row in any column order. */
  public static final class Builder {
    private String no = "";
    private String category;
    private String name = "";
    private String unit;
    private List<String> flags = List.of();
    private IndicatorValue baseline;
    private IndicatorValue target;
    private String attribute;
    private TargetKind targetKind = TargetKind.NONE;
    private int line;

    public Builder no(String value) {
      this.no = value;
      return this;
    }

    public Builder category(String value) {
      this.category = value;
      return this;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder unit(String value) {
      this.unit = value;
      return this;
    }

    public Builder flags(List<String> value) {
      this.flags = value;
      return this;
    }

    public Builder baseline(IndicatorValue value) {
      this.baseline = value;
      return this;
    }

    public Builder target(IndicatorValue value) {
      this.target = value;
      return this;
    }

    public Builder attribute(String value) {
      this.attribute = value;
      return this;
    }

    public Builder targetKind(TargetKind value) {
      this.targetKind = value;
      return this;
    }

    public Builder line(int value) {
      this.line = value;
      return this;
    }

    public IndicatorTarget build() {
      return new IndicatorTarget(
          no,
          Optional.ofNullable(category),
          name,
          Optional.ofNullable(unit),
          flags,
          Optional.ofNullable(baseline),
          Optional.ofNullable(target),
          Optional.ofNullable(attribute),
          targetKind,
          line);
    }
  }
}
