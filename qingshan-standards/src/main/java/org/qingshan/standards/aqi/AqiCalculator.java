package org.qingshan.standards.aqi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.qingshan.standards.regime.AqiStandard;

/** AQI, primary pollutants and category of a daily or hourly report (HJ 633—2012 / —2026). */
public final class AqiCalculator {
  private AqiCalculator() {}

  public static AqiResult calculate(AqiStandard standard, AqiReportType type, AqiInput input) {
    List<Iaqi> iaqis = new ArrayList<>();
    List<AqiIndicator> missing = new ArrayList<>();
    for (AqiIndicator indicator : type.indicators(standard)) {
      var concentration = input.get(indicator);
      if (concentration.isEmpty()) {
        missing.add(indicator);
        continue;
      }
      Optional<Iaqi> iaqi = IaqiCalculator.calculate(standard, indicator, concentration.get());
      if (iaqi.isPresent()) {
        iaqis.add(iaqi.get());
      } else if (indicator == AqiIndicator.SO2_1H) {
        // HJ 633—2012 note: SO₂ 1h above 800 is reported with the 24h-average IAQI.
        Optional<Iaqi> daily =
            input
                .get(AqiIndicator.SO2_24H)
                .flatMap(c -> IaqiCalculator.calculate(standard, AqiIndicator.SO2_24H, c));
        if (daily.isPresent()) {
          iaqis.add(
              new Iaqi(
                  indicator,
                  ConcentrationRounding.round(AirPollutant.SO2, concentration.get()),
                  daily.get().value(),
                  IaqiRule.SO2_1H_ABOVE_800_FROM_24H));
        } else {
          missing.add(indicator);
        }
      }
      // HJ 633—2012 O₃ 8h above 800: no 8h IAQI; the O₃ 1h IAQI, part of both 2012 reports,
      // stands for ozone. Not missing data, so it does not trigger "NA".
    }
    OptionalInt computed = iaqis.stream().mapToInt(Iaqi::value).max();
    boolean onlyUnplannedMissing = input.notInMonitoringPlan().containsAll(missing);
    boolean publish =
        computed.isPresent()
            && (onlyUnplannedMissing
                || standard == AqiStandard.HJ633_2012
                || computed.getAsInt() > 100);
    OptionalInt aqi = publish ? computed : OptionalInt.empty();
    List<AqiIndicator> primary = new ArrayList<>();
    if (aqi.isPresent() && aqi.getAsInt() > 50) {
      iaqis.stream()
          .filter(i -> i.value() == aqi.getAsInt())
          .forEach(i -> primary.add(i.indicator()));
    }
    List<AqiIndicator> exceeding = new ArrayList<>();
    Set<String> groups = new LinkedHashSet<>();
    for (Iaqi i : iaqis) {
      if (i.value() > 100) {
        if (standard == AqiStandard.HJ633_2012) {
          exceeding.add(i.indicator());
        } else {
          groups.add(SensitiveGroups.of(i.indicator().pollutant()));
        }
      }
    }
    return new AqiResult(
        standard,
        type,
        iaqis,
        missing,
        computed,
        aqi,
        aqi.isPresent() ? Optional.of(AqiCategory.of(aqi.getAsInt())) : Optional.empty(),
        primary,
        exceeding,
        new ArrayList<>(groups));
  }
}
