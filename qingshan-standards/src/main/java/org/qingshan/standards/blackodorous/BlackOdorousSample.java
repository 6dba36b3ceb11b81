package org.qingshan.standards.blackodorous;

import java.math.BigDecimal;
import java.util.Optional;

/** One measurement at a 检测点; every indicator is optional. */
public final class BlackOdorousSample {
  private final Optional<BigDecimal> transparencyCm;
  private final Optional<BigDecimal> waterDepthCm;
  private final boolean clearToBottom;
  private final Optional<BigDecimal> dissolvedOxygen;
  private final Optional<BigDecimal> orp;
  private final Optional<BigDecimal> ammoniaNitrogen;

  private BlackOdorousSample(Builder b) {
    this.transparencyCm = Optional.ofNullable(b.transparencyCm);
    this.waterDepthCm = Optional.ofNullable(b.waterDepthCm);
    this.clearToBottom = b.clearToBottom;
    this.dissolvedOxygen = Optional.ofNullable(b.dissolvedOxygen);
    this.orp = Optional.ofNullable(b.orp);
    this.ammoniaNitrogen = Optional.ofNullable(b.ammoniaNitrogen);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<BigDecimal> transparencyCm() {
    return transparencyCm;
  }

  public Optional<BigDecimal> waterDepthCm() {
    return waterDepthCm;
  }

  /** 清澈见底: in water shallower than 25 cm the bottom can be seen. */
  public boolean clearToBottom() {
    return clearToBottom;
  }

  public Optional<BigDecimal> dissolvedOxygen() {
    return dissolvedOxygen;
  }

  public Optional<BigDecimal> orp() {
    return orp;
  }

  public Optional<BigDecimal> ammoniaNitrogen() {
    return ammoniaNitrogen;
  }

  /** Builds a sample; unset indicators are not measured. */
  public static final class Builder {
    private BigDecimal transparencyCm;
    private BigDecimal waterDepthCm;
    private boolean clearToBottom;
    private BigDecimal dissolvedOxygen;
    private BigDecimal orp;
    private BigDecimal ammoniaNitrogen;

    public Builder transparencyCm(BigDecimal v) {
      this.transparencyCm = v;
      return this;
    }

    public Builder waterDepthCm(BigDecimal v) {
      this.waterDepthCm = v;
      return this;
    }

    public Builder clearToBottom(boolean v) {
      this.clearToBottom = v;
      return this;
    }

    public Builder dissolvedOxygen(BigDecimal v) {
      this.dissolvedOxygen = v;
      return this;
    }

    public Builder orp(BigDecimal v) {
      this.orp = v;
      return this;
    }

    public Builder ammoniaNitrogen(BigDecimal v) {
      this.ammoniaNitrogen = v;
      return this;
    }

    public BlackOdorousSample build() {
      return new BlackOdorousSample(this);
    }
  }
}
