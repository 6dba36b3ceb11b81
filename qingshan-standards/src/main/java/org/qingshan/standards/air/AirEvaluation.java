package org.qingshan.standards.air;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.standards.aqi.AirPollutant;
import org.qingshan.standards.aqi.AqiCategory;
import org.qingshan.standards.regime.RuleSet;

/**
 * Evaluation of one station (or one averaged city/county series) over a period, per HJ 663.
 *
 * @param ruleSet the rule set whose limits and statistics were applied (the one in force at the end
 *     of the period, or the one the caller forced)
 * @param days every day of the period with its daily AQI
 * @param daysByRuleSet how many days' AQIs were computed under each rule set, which shows a year
 *     that spans 2026-03-01
 * @param goodDayRatio 优良天数比率 in percent, one decimal; empty without effective days
 * @param exceedanceDaysByPollutant days on which the pollutant's IAQI was above 100
 * @param limitExceedanceDays days on which the pollutant's daily value exceeded the GB 3095 limit
 *     of {@code ruleSet} and zone (24-hour mean; O₃: MDA8 above the 8-hour or the daily maximum
 *     hour above the 1-hour limit)
 */
public record AirEvaluation(
    RuleSet ruleSet,
    AirZoneClass zone,
    LocalDate from,
    LocalDate to,
    List<DailyAirQuality> days,
    Map<RuleSet, Integer> daysByRuleSet,
    int effectiveDays,
    int goodDays,
    int exceedanceDays,
    Optional<BigDecimal> goodDayRatio,
    Map<AirPollutant, Integer> exceedanceDaysByPollutant,
    Map<AirPollutant, Integer> limitExceedanceDays,
    Map<AqiCategory, Integer> daysByCategory,
    List<PollutantStatistic> statistics,
    Optional<CompositeIndex> compositeIndex,
    Attainment attainment) {

  public AirEvaluation {
    days = List.copyOf(days);
    daysByRuleSet = Map.copyOf(daysByRuleSet);
    exceedanceDaysByPollutant = Map.copyOf(exceedanceDaysByPollutant);
    limitExceedanceDays = Map.copyOf(limitExceedanceDays);
    daysByCategory = Map.copyOf(daysByCategory);
    statistics = List.copyOf(statistics);
  }

  public Optional<PollutantStatistic> statistic(AirPollutant pollutant, StatisticKind kind) {
    return statistics.stream()
        .filter(s -> s.pollutant() == pollutant && s.kind() == kind)
        .findFirst();
  }
}
