package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * 城市地表水环境质量指数 CWQI (《城市地表水环境质量排名技术规定（试行）》2017): the sum over the 21 evaluation items of C/C_Ⅲ (lake
 * TP limit for lakes); DO uses C_Ⅲ/C; pH uses (7 − pH) below 7 and (pH − 7)/2 above. From one
 * third-party implementation (reference/standards.md §4.3).
 *
 * @param value Σ CWQI(i), four decimals
 * @param items CWQI(i) of each item, four decimals
 */
public record Cwqi(BigDecimal value, Map<WaterItem, BigDecimal> items) {
  private static final BigDecimal SEVEN = BigDecimal.valueOf(7);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  public Cwqi {
    items = Map.copyOf(items);
  }

  /**
   * @throws IllegalArgumentException for a DO of zero
   */
  public static Cwqi of(Map<WaterItem, BigDecimal> values, WaterBodyType body) {
    Map<WaterItem, BigDecimal> items = new EnumMap<>(WaterItem.class);
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<WaterItem, BigDecimal> e : new EnumMap<>(values).entrySet()) {
      WaterItem item = e.getKey();
      if (!item.decidesClass()) {
        continue;
      }
      BigDecimal c = e.getValue();
      BigDecimal index;
      if (item == WaterItem.PH) {
        index = c.compareTo(SEVEN) <= 0 ? SEVEN.subtract(c) : c.subtract(SEVEN).divide(TWO);
      } else if (item == WaterItem.DO) {
        if (c.signum() <= 0) {
          throw new IllegalArgumentException("DO must be positive for CWQI: " + c);
        }
        index = item.limit(WaterClass.III, body).orElseThrow().divide(c, MathContext.DECIMAL64);
      } else {
        index = c.divide(item.limit(WaterClass.III, body).orElseThrow(), MathContext.DECIMAL64);
      }
      sum = sum.add(index);
      items.put(item, index.setScale(4, RoundingMode.HALF_EVEN));
    }
    return new Cwqi(sum.setScale(4, RoundingMode.HALF_EVEN), items);
  }
}
