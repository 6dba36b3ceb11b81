package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/**
 * River, basin or water system (河流、流域（水系）) evaluation of 环办〔2011〕22号: fewer than 5 sections → mean
 * of each item over the sections, then single-factor; 5 or more → 断面水质类别比例法.
 */
public final class BasinEvaluator {
  /** "5个（含5个）以上" in the evaluation method. */
  public static final int MIN_SECTIONS_FOR_PROPORTION = 5;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private BasinEvaluator() {}

  /**
   * @param sectionMeans the period mean values of each section
   */
  public static BasinEvaluation evaluate(
      List<Map<WaterItem, BigDecimal>> sectionMeans, WaterBodyType body) {
    if (sectionMeans.isEmpty()) {
      throw new IllegalArgumentException("a basin needs at least one section");
    }
    List<WaterQuality> sections = new ArrayList<>();
    for (Map<WaterItem, BigDecimal> s : sectionMeans) {
      sections.add(WaterQualityEvaluator.evaluate(s, body, WaterClass.III));
    }
    Map<WaterClass, Integer> byClass = new EnumMap<>(WaterClass.class);
    int classified = 0;
    for (WaterQuality q : sections) {
      if (q.waterClass().isPresent()) {
        byClass.merge(q.waterClass().get(), 1, Integer::sum);
        classified++;
      }
    }
    int good = 0;
    for (Map.Entry<WaterClass, Integer> e : byClass.entrySet()) {
      if (e.getKey().isAtOrBetterThan(WaterClass.III)) {
        good += e.getValue();
      }
    }
    int worst = byClass.getOrDefault(WaterClass.WORSE_THAN_V, 0);
    BigDecimal goodShare = percent(good, classified);
    BigDecimal worstShare = percent(worst, classified);

    Map<WaterItem, Integer> over = new EnumMap<>(WaterItem.class);
    for (WaterQuality q : sections) {
      for (ItemClass i : q.items()) {
        if (i.item().decidesClass() && !i.waterClass().isAtOrBetterThan(WaterClass.III)) {
          over.merge(i.item(), 1, Integer::sum);
        }
      }
    }
    Map<WaterItem, BigDecimal> rates = new EnumMap<>(WaterItem.class);
    over.forEach((item, n) -> rates.put(item, percent(n, sections.size())));
    List<WaterItem> main =
        over.entrySet().stream()
            .sorted(Map.Entry.<WaterItem, Integer>comparingByValue(Comparator.reverseOrder()))
            .limit(3)
            .map(Map.Entry::getKey)
            .toList();

    if (sections.size() < MIN_SECTIONS_FOR_PROPORTION) {
      WaterQuality mean =
          WaterQualityEvaluator.evaluate(
              WaterQualityEvaluator.mean(sectionMeans), body, WaterClass.III);
      return new BasinEvaluation(
          StandardVersion.GB3838_2002,
          sections.size(),
          BasinEvaluation.Method.MEAN_OF_SECTIONS,
          mean.waterClass(),
          goodShare,
          worstShare,
          mean.waterClass().map(WaterClass::quality).orElse("无数据"),
          byClass,
          rates,
          main);
    }
    return new BasinEvaluation(
        StandardVersion.GB3838_2002,
        sections.size(),
        BasinEvaluation.Method.CLASS_PROPORTION,
        Optional.empty(),
        goodShare,
        worstShare,
        proportionQuality(good, worst, classified),
        byClass,
        rates,
        main);
  }

  /**
   * 断面水质类别比例法. Compared on exact counts (good/n ≥ 90 % ⇔ 10·good ≥ 9·n), not on rounded
   * percentages. At the 60 %/40 % corner the Shenzhen wording (Ⅰ–Ⅲ &lt; 75 %, 劣Ⅴ ≥ 40 % → 重度) is
   * used.
   */
  static String proportionQuality(int good, int worst, int n) {
    if (n == 0) {
      return "无数据";
    }
    if (100L * good >= 90L * n) {
      return "优";
    }
    if (100L * good >= 75L * n) {
      return "良好";
    }
    if (100L * worst < 20L * n) {
      return "轻度污染";
    }
    if (100L * worst < 40L * n) {
      return "中度污染";
    }
    return "重度污染";
  }

  static BigDecimal percent(int part, int whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_EVEN);
  }

  /** Headline: 达到或好于Ⅲ类水体比例 of a set of section results. */
  public static BigDecimal shareAtOrBetterThanIII(List<WaterQuality> sections) {
    List<WaterQuality> classified =
        sections.stream().filter(s -> s.waterClass().isPresent()).toList();
    long good =
        classified.stream()
            .filter(s -> s.waterClass().get().isAtOrBetterThan(WaterClass.III))
            .count();
    return percent((int) good, classified.size());
  }

  /** Headline: 劣Ⅴ类水体比例 of a set of section results. */
  public static BigDecimal shareWorseThanV(List<WaterQuality> sections) {
    List<WaterQuality> classified =
        sections.stream().filter(s -> s.waterClass().isPresent()).toList();
    long worst =
        classified.stream().filter(s -> s.waterClass().get() == WaterClass.WORSE_THAN_V).count();
    return percent((int) worst, classified.size());
  }
}
