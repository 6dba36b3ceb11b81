package org.qingshan.server.duty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageSection;
import org.qingshan.server.web.Permissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alarms on the record pages: a device's alarms not yet closed on its page, an enterprise's
 * latest alarms on 一企一档. Each alarm links to its page on the duty screen for those who may open it.
 */
@Configuration
class AlarmSections {
  static final int ENTERPRISE_ROWS = 10;

  @Bean
  PageSection deviceAlarmsSection(DutyAlarms alarms, Permissions may) {
    return section(
        PageSection.DEVICE,
        "duty/sections :: device",
        id -> {
          List<DutyAlarm> open = alarms.byUrgency(AlarmSearch.notClosed().ofDevice(id), 50);
          return open.isEmpty() ? Optional.empty() : Optional.of(model(open, open.size(), may));
        });
  }

  @Bean
  PageSection enterpriseAlarmsSection(DutyAlarms alarms, Permissions may) {
    return section(
        PageSection.ENTERPRISE,
        "duty/sections :: enterprise",
        id -> {
          AlarmSearch all = AlarmSearch.all().ofEnterprise(id);
          List<DutyAlarm> latest = alarms.search(all, new PageQuery(1, ENTERPRISE_ROWS)).items();
          long open = alarms.count(AlarmSearch.notClosed().ofEnterprise(id));
          Map<String, Object> m = model(latest, open, may);
          m.put("enterpriseId", id);
          return Optional.of(m);
        });
  }

  private static Map<String, Object> model(List<DutyAlarm> alarms, long open, Permissions may) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alarms", alarms);
    m.put("open", open);
    m.put("links", may.get("/duty/alarms/0"));
    return m;
  }

  private static PageSection section(
      String page, String fragment, LongFunction<Optional<Map<String, Object>>> model) {
    return new PageSection() {
      @Override
      public String page() {
        return page;
      }

      @Override
      public int order() {
        return 30;
      }

      @Override
      public String fragment() {
        return fragment;
      }

      @Override
      public Optional<Map<String, Object>> model(long id) {
        return model.apply(id);
      }
    };
  }
}
