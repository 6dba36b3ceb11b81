package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/**
 * Evaluation of a river, basin or water system from its sections.
 *
 * @param method how the 水质状况 was found (fewer than 5 sections: mean of items; otherwise the
 *     proportion of section classes)
 * @param meanClass the class of the averaged items, for the mean method only
 * @param shareAtOrBetterThanIII 水质优良（达到或好于Ⅲ类）断面比例, percent, one decimal
 * @param shareWorseThanV 劣Ⅴ类断面比例, percent, one decimal
 * @param quality 水质状况: 优, 良好, 轻度污染, 中度污染 or 重度污染
 * @param exceedanceRates 断面超标率 (percent of sections where the item is worse than Ⅲ), the top 3 are
 *     the 主要污染指标
 */
public record BasinEvaluation(
    StandardVersion standard,
    int sections,
    Method method,
    Optional<WaterClass> meanClass,
    BigDecimal shareAtOrBetterThanIII,
    BigDecimal shareWorseThanV,
    String quality,
    Map<WaterClass, Integer> sectionsByClass,
    Map<WaterItem, BigDecimal> exceedanceRates,
    List<WaterItem> mainPollutants) {

  public BasinEvaluation {
    sectionsByClass = Map.copyOf(sectionsByClass);
    exceedanceRates = Map.copyOf(exceedanceRates);
    mainPollutants = List.copyOf(mainPollutants);
  }

  /** How the 水质状况 of a river or basin was determined. */
  public enum Method {
    MEAN_OF_SECTIONS,
    CLASS_PROPORTION
  }
}
