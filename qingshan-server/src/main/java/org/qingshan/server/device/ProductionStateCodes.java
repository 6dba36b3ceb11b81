package org.qingshan.server.device;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What HJ 212-2025's production state codes ({@code p99101}) and their marks ({@code St}, {@code
 * N}, {@code Sr} …) mean: the standard's table is not public, so both are settings, {@code
 * qingshan.production-states.codes.p99101=1号生产线} and {@code
 * qingshan.production-states.marks.St=停产}; without one the page shows the code or the mark as sent.
 *
 * @param codes production state code to its name
 * @param marks mark to its meaning
 */
@ConfigurationProperties("qingshan.production-states")
public record ProductionStateCodes(
    @DefaultValue Map<String, String> codes, @DefaultValue Map<String, String> marks) {
  public ProductionStateCodes {
    codes = Map.copyOf(codes);
    marks = Map.copyOf(marks);
  }

  Optional<String> name(String code) {
    return Optional.ofNullable(codes.get(code));
  }

  /** "St（停产）" where the mark's meaning is set, else the mark. */
  String label(String mark) {
    String meaning = marks.get(mark);
    return meaning == null ? mark : mark + "（" + meaning + "）";
  }
}
