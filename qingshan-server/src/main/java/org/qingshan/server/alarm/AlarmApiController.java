package org.qingshan.server.alarm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qingshan.server.web.UserFacingException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alarms for integrations and the duty screen: {@code GET /api/v1/alarms}. */
@RestController
class AlarmApiController {
  static final int MAX_ROWS = 1000;

  private final AlarmRepository alarms;

  AlarmApiController(AlarmRepository alarms) {
    this.alarms = alarms;
  }

  /** An alarm as the API shows it; {@code type} is the API name (exceedance, offline, …). */
  record AlarmJson(
      long id,
      String mn,
      String enterprise,
      String outlet,
      String factor,
      String type,
      String severity,
      String status,
      LocalDateTime startedAt,
      LocalDateTime endedAt,
      Double value,
      Double limit,
      boolean foundLate,
      String message) {

    static AlarmJson of(AlarmView v) {
      Alarm a = v.alarm();
      return new AlarmJson(
          a.id(),
          v.mn().orElse(null),
          v.enterpriseName().orElse(null),
          v.outletCode().orElse(null),
          a.factor().orElse(null),
          a.type().apiName(),
          a.severity().name().toLowerCase(Locale.ROOT),
          a.status().name().toLowerCase(Locale.ROOT),
          a.startedAt(),
          a.endedAt().orElse(null),
          a.value().isPresent() ? a.value().getAsDouble() : null,
          a.limit().isPresent() ? a.limit().getAsDouble() : null,
          a.foundLate(),
          a.message());
    }
  }

  @Operation(
      summary = "报警列表",
      description =
          "按设备 MN、类型与状态筛选报警，最新的在前，最多 1000 条。status: open（未关闭，默认）、closed、all；"
              + "type: exceedance, continuous-exceedance, flag, offline, constant, zero, negative,"
              + " out-of-range, jump, missing-factor, treatment-not-running, treatment-low-load,"
              + " production-during-curtailment, permit-total。时间为数据时间（本地时间）。")
  @GetMapping("/api/v1/alarms")
  List<AlarmJson> alarms(
      @Parameter(description = "设备 MN") @RequestParam Optional<String> mn,
      @Parameter(description = "报警类型（接口名）") @RequestParam Optional<String> type,
      @Parameter(description = "open | closed | all") @RequestParam(defaultValue = "open")
          String status) {
    Optional<AlarmType> t =
        type.filter(s -> !s.isBlank())
            .map(
                s ->
                    AlarmType.fromApiName(s.trim())
                        .orElseThrow(() -> new UserFacingException("alarm.error.type", s)));
    AlarmSearch.StatusFilter statuses =
        switch (status.trim()) {
          case "open" -> AlarmSearch.StatusFilter.OPEN;
          case "closed" -> AlarmSearch.StatusFilter.CLOSED;
          case "all" -> AlarmSearch.StatusFilter.ALL;
          default -> throw new UserFacingException("alarm.error.status", status);
        };
    AlarmSearch search =
        new AlarmSearch(
            mn.map(String::trim).filter(s -> !s.isEmpty()),
            t,
            statuses,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return alarms.list(search, MAX_ROWS).stream().map(AlarmJson::of).toList();
  }
}
