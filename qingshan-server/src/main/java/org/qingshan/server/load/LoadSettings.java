package org.qingshan.server.load;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Emission loads ({@code qingshan.load.*}). A gas outlet's hourly load is the measured (not 折算)
 * concentration × the standard dry flow; a water outlet's is concentration × volume. The hour's
 * volume is the flow factor's hour total (Cou, m³) where the device sends one, else its mean in the
 * unit set here.
 *
 * @param approachingRatio year-to-date load over the annual permit at which it is 即将超标
 * @param exceededRatio ... at which it is 已超标
 * @param gasFlowFactor the standard dry flow of a gas outlet (HJ 212 a00000)
 * @param gasFlowUnit the unit of its hour mean
 * @param waterFlowFactor the flow of a water outlet (w00000)
 * @param waterFlowUnit the unit of its hour mean (HJ 212-2017: L/s)
 * @param gasPollutants factors whose gas loads are counted, besides those with a permitted total
 * @param waterPollutants factors whose water loads are counted, besides those with a permitted
 *     total
 * @param refreshInterval how often the year-to-date loads of all enterprises (held in memory for
 *     the permit-total rule) take in the days that got new hour data
 */
@ConfigurationProperties("qingshan.load")
public record LoadSettings(
    @DefaultValue("0.8") double approachingRatio,
    @DefaultValue("1.0") double exceededRatio,
    @DefaultValue("a00000") String gasFlowFactor,
    @DefaultValue("M3_PER_H") FlowUnit gasFlowUnit,
    @DefaultValue("w00000") String waterFlowFactor,
    @DefaultValue("L_PER_S") FlowUnit waterFlowUnit,
    @DefaultValue({"a21026", "a21002", "a34013", "a24088"}) List<String> gasPollutants,
    @DefaultValue({"w01018", "w21003", "w21011", "w21001"}) List<String> waterPollutants,
    @DefaultValue("PT1M") Duration refreshInterval) {

  public LoadSettings {
    if (!(approachingRatio > 0 && approachingRatio <= exceededRatio)) {
      throw new IllegalArgumentException(
          "qingshan.load.approaching-ratio must be above 0 and at most exceeded-ratio");
    }
  }
}
