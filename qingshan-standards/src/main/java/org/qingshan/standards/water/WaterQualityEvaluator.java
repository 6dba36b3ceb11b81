package org.qingshan.standards.water;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.regime.StandardVersion;

/**
 * Single-factor evaluation of a sample, or of a section over a period (arithmetic mean of each item
 * over the period's samples first), per GB 3838—2002 and 环办〔2011〕22号.
 */
public final class WaterQualityEvaluator {
  private WaterQualityEvaluator() {}

  /** Class of one sample or of already averaged values. */
  public static WaterQuality evaluate(
      Map<WaterItem, BigDecimal> values, WaterBodyType body, WaterClass target) {
    List<ItemClass> items = new ArrayList<>();
    Optional<WaterClass> worst = Optional.empty();
    for (Map.Entry<WaterItem, BigDecimal> e : new EnumMap<>(values).entrySet()) {
      WaterItem item = e.getKey();
      WaterClass c = item.classify(e.getValue(), body);
      items.add(new ItemClass(item, e.getValue(), c, multiple(item, e.getValue(), target, body)));
      if (item.decidesClass()) {
        worst = Optional.of(worst.map(w -> WaterClass.worse(w, c)).orElse(c));
      }
    }
    Comparator<ItemClass> worstFirst =
        Comparator.comparing(ItemClass::waterClass)
            .reversed()
            .thenComparing(
                (ItemClass i) -> i.multiple().orElse(BigDecimal.ZERO), Comparator.reverseOrder());
    List<ItemClass> over =
        items.stream()
            .filter(i -> i.item().decidesClass() && !i.waterClass().isAtOrBetterThan(target))
            .sorted(worstFirst)
            .toList();
    List<ItemClass> main = new ArrayList<>();
    if (worst.isPresent() && !worst.get().isAtOrBetterThan(WaterClass.III)) {
      items.stream()
          .filter(i -> i.item().decidesClass() && !i.waterClass().isAtOrBetterThan(WaterClass.III))
          .map(
              i ->
                  new ItemClass(
                      i.item(),
                      i.value(),
                      i.waterClass(),
                      multiple(i.item(), i.value(), WaterClass.III, body)))
          .sorted(
              Comparator.comparing((ItemClass i) -> !i.item().isPriorityPollutant())
                  .thenComparing(worstFirst))
          .limit(3)
          .forEach(main::add);
    }
    return new WaterQuality(StandardVersion.GB3838_2002, body, target, worst, items, over, main);
  }

  /** Section class over a period: mean of each item over the samples that measured it. */
  public static WaterQuality evaluatePeriod(
      List<Map<WaterItem, BigDecimal>> samples, WaterBodyType body, WaterClass target) {
    return evaluate(mean(samples), body, target);
  }

  /** Arithmetic mean of each item over the samples (or sections) that have it. */
  public static Map<WaterItem, BigDecimal> mean(List<Map<WaterItem, BigDecimal>> samples) {
    Map<WaterItem, BigDecimal> sum = new EnumMap<>(WaterItem.class);
    Map<WaterItem, Integer> count = new EnumMap<>(WaterItem.class);
    for (Map<WaterItem, BigDecimal> s : samples) {
      s.forEach(
          (item, v) -> {
            sum.merge(item, v, BigDecimal::add);
            count.merge(item, 1, Integer::sum);
          });
    }
    Map<WaterItem, BigDecimal> mean = new EnumMap<>(WaterItem.class);
    // 34 significant digits: a mean can only equal a limit if it is a finite decimal, so the
    // comparison with the limits stays exact.
    sum.forEach(
        (item, s) ->
            mean.put(
                item,
                s.divide(BigDecimal.valueOf(count.get(item)), MathContext.DECIMAL128)
                    .stripTrailingZeros()));
    return mean;
  }

  private static Optional<BigDecimal> multiple(
      WaterItem item, BigDecimal value, WaterClass reference, WaterBodyType body) {
    if (!item.hasExceedanceMultiple() || reference == WaterClass.WORSE_THAN_V) {
      return Optional.empty();
    }
    BigDecimal limit = item.limit(reference, body).orElseThrow();
    if (value.compareTo(limit) <= 0) {
      return Optional.empty();
    }
    return Optional.of(value.subtract(limit).divide(limit, 2, RoundingMode.HALF_EVEN));
  }
}
