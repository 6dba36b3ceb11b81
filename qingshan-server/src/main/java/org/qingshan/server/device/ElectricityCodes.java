package org.qingshan.server.device;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the parts of an electricity meter's {@code d} code mean ({@code d} + facility class +
 * parameter + facility number: {@code d20104}). HJ 212-2025's code table is not public, so the
 * meanings are settings, {@code qingshan.electricity.*}; where none is set, the texts of the device
 * bundle ({@code electricity.class.2}, {@code electricity.parameter.04} …) apply.
 *
 * @param classes facility class digit to its name (2 生产设施, 3 治理设施)
 * @param parameters two-digit parameter to its name and unit (01 A相电压（V） …)
 */
@ConfigurationProperties("qingshan.electricity")
public record ElectricityCodes(
    @DefaultValue Map<String, String> classes, @DefaultValue Map<String, String> parameters) {
  public ElectricityCodes {
    classes = Map.copyOf(classes);
    parameters = Map.copyOf(parameters);
  }
}
