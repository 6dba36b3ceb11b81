package org.qingshan.standards.water;

import java.util.List;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/**
 * Class of a sample or of a section over a period (单因子评价法).
 *
 * @param waterClass worst class of the 21 evaluation items; empty when none was measured
 * @param items every measured item with its class (TN and faecal coliforms included, though they do
 *     not decide the class), multiples against the target class
 * @param overTarget evaluation items worse than the target class, worst first
 * @param mainPollutants 主要污染指标 (at most 3) when the class is worse than Ⅲ
 */
public record WaterQuality(
    StandardVersion standard,
    WaterBodyType body,
    WaterClass target,
    Optional<WaterClass> waterClass,
    List<ItemClass> items,
    List<ItemClass> overTarget,
    List<ItemClass> mainPollutants) {

  public WaterQuality {
    items = List.copyOf(items);
    overTarget = List.copyOf(overTarget);
    mainPollutants = List.copyOf(mainPollutants);
  }

  /** 达标: the class is at or better than the target class. */
  public boolean meetsTarget() {
    return waterClass.map(c -> c.isAtOrBetterThan(target)).orElse(false);
  }

  public Optional<ItemClass> item(WaterItem item) {
    return items.stream().filter(i -> i.item() == item).findFirst();
  }
}
