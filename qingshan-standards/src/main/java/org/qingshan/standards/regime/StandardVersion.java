package org.qingshan.standards.regime;

/**
 * Label of a single-version rule (water, noise, black-odorous water, warnings) carried by each
 * result, like {@link RuleSet} for air.
 */
public record StandardVersion(String code, String title) {
  public static final StandardVersion GB3838_2002 =
      new StandardVersion("GB3838-2002", "GB 3838—2002 / 地表水环境质量评价办法（试行）环办〔2011〕22号");
  public static final StandardVersion GB3096_2008 =
      new StandardVersion("GB3096-2008", "GB 3096—2008");
  public static final StandardVersion BLACK_ODOROUS_2015 =
      new StandardVersion("CJ-HCST-2015", "城市黑臭水体整治工作指南（2015）");

  @Override
  public String toString() {
    return title;
  }
}
