package org.qingshan.standards.aqi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.qingshan.standards.regime.AqiStandard;

/**
 * A daily or hourly AQI report.
 *
 * @param iaqis the IAQI of every indicator that has one, in report order
 * @param missing indicators of a complete report without data (shown as "NA")
 * @param computedAqi the maximum of the available IAQIs, even when it may not be published
 * @param aqi the published AQI; empty means "NA" (HJ 633—2026 §5.3.1: incomplete data and an AQI
 *     not above 100)
 * @param category empty when the AQI is "NA"
 * @param primaryPollutants 首要污染物, all tied indicators; empty when AQI ≤ 50 or "NA"
 * @param exceedingPollutants 超标污染物 (IAQI > 100), HJ 633—2012 only; the 2026 version deleted it
 * @param sensitiveGroups 敏感人群 for indicators with IAQI > 100 (表2 of HJ 633—2026); empty for 2012
 */
public record AqiResult(
    AqiStandard standard,
    AqiReportType reportType,
    List<Iaqi> iaqis,
    List<AqiIndicator> missing,
    OptionalInt computedAqi,
    OptionalInt aqi,
    Optional<AqiCategory> category,
    List<AqiIndicator> primaryPollutants,
    List<AqiIndicator> exceedingPollutants,
    List<String> sensitiveGroups) {

  public AqiResult {
    iaqis = List.copyOf(iaqis);
    missing = List.copyOf(missing);
    primaryPollutants = List.copyOf(primaryPollutants);
    exceedingPollutants = List.copyOf(exceedingPollutants);
    sensitiveGroups = List.copyOf(sensitiveGroups);
  }

  public Optional<Iaqi> iaqi(AqiIndicator indicator) {
    return iaqis.stream().filter(i -> i.indicator() == indicator).findFirst();
  }

  public boolean complete() {
    return missing.isEmpty();
  }
}
