package org.qingshan.server.mark;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The marks on the device page (with 有效传输率 after marks) and on 一企一档. */
@Configuration
class MarkSections {
  /** How far back the device page lists marks in force. */
  private static final int DAYS_BACK = 30;

  @Bean
  PageSection deviceMarks(
      MarksInForce marks, MarkedRates rates, OutletRepository outlets, Clock clock, ZoneId zone) {
    return new Section(
        PageSection.DEVICE,
        400,
        "marks/sections :: device",
        id -> {
          LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
          LocalDate today = now.toLocalDate();
          List<DataMark> inForce =
              marks.forDevice(
                  id,
                  today.minusDays(DAYS_BACK).atStartOfDay(),
                  today.plusYears(100).atStartOfDay());
          return Optional.of(
              Map.of(
                  "deviceId",
                  id,
                  "bound",
                  outlets.outletOfDevice(id).isPresent(),
                  "marks",
                  inForce,
                  "rates",
                  rates.daily(id, today.minusDays(6), today.plusDays(1), now)));
        });
  }

  @Bean
  PageSection enterpriseMarks(MarkService marks) {
    return new Section(
        PageSection.ENTERPRISE,
        400,
        "marks/sections :: enterprise",
        id ->
            Optional.of(
                Map.of(
                    "enterpriseId",
                    id,
                    "page",
                    marks.search(MarkSearch.ofEnterprise(id), new PageQuery(1, 10)))));
  }

  private record Section(
      String page, int order, String fragment, LongFunction<Optional<Map<String, Object>>> models)
      implements PageSection {
    @Override
    public Optional<Map<String, Object>> model(long id) {
      return models.apply(id);
    }
  }
}
