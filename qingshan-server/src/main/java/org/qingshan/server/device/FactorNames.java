package org.qingshan.server.device;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.server.web.Messages;
import org.springframework.stereotype.Component;

/** Chinese names of HJ 212 factor codes, used from templates as {@code @factorNames}. */
@Component("factorNames")
public class FactorNames {
  /** An electricity meter's code: facility class, parameter, facility number. */
  private static final Pattern ELECTRICITY = Pattern.compile("d(\\d)(\\d{2})(\\d{2})");

  private final Messages messages;
  private final ElectricityCodes electricity;

  FactorNames(Messages messages, ElectricityCodes electricity) {
    this.messages = messages;
    this.electricity = electricity;
  }

  /** "二氧化硫 (a21026)", or the code alone for one the table does not know. */
  public String label(String code) {
    String name = messages.getOrElse(code, code);
    if (name.equals(code)) {
      name = electricityName(code).orElse(code);
    }
    return name.equals(code) ? code : name + " (" + code + ")";
  }

  /** "生产设施1 A相电压（V）" for d20101, by the settings or the bundle. */
  private Optional<String> electricityName(String code) {
    Matcher m = ELECTRICITY.matcher(code);
    if (!m.matches()) {
      return Optional.empty();
    }
    String facilityClass =
        electricity
            .classes()
            .getOrDefault(
                m.group(1), messages.getOrElse("electricity.class." + m.group(1), m.group(1)));
    String parameter =
        electricity
            .parameters()
            .getOrDefault(
                m.group(2),
                messages.getOrElse(
                    "electricity.parameter." + m.group(2),
                    messages.get("electricity.parameter-other", m.group(2))));
    return Optional.of(facilityClass + Integer.parseInt(m.group(3)) + " " + parameter);
  }
}
