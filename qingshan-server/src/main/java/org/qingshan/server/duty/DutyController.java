package org.qingshan.server.duty;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.alarm.AlarmActions;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.AlarmType;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.cases.AlarmCases;
import org.qingshan.server.device.FactorNames;
import org.qingshan.server.web.Attachment;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.TimeFormat;
import org.qingshan.server.web.UserFacingException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 报警台: the alarms not yet closed, most urgent first, kept current by server push; each alarm's page
 * with the data that triggered it, its rule, the enterprise's explanations, and the steps.
 */
@Controller
class DutyController {
  /** More than a screen shows; the rest is in the alarm list. */
  static final int MAX_ON_SCREEN = 300;

  private final DutyAlarms alarms;
  private final AlarmActions actions;
  private final AlarmStream stream;
  private final AlarmSeries series;
  private final AlarmExplanations explanations;
  private final Messages messages;
  private final FactorNames factorNames;
  private final TimeFormat times;
  private final AlarmCases alarmCases;

  DutyController(
      DutyAlarms alarms,
      AlarmActions actions,
      AlarmStream stream,
      AlarmSeries series,
      AlarmExplanations explanations,
      Messages messages,
      FactorNames factorNames,
      TimeFormat times,
      AlarmCases alarmCases) {
    this.alarmCases = alarmCases;
    this.alarms = alarms;
    this.actions = actions;
    this.stream = stream;
    this.series = series;
    this.explanations = explanations;
    this.messages = messages;
    this.factorNames = factorNames;
    this.times = times;
  }

  @GetMapping("/duty")
  String screen(Model model) {
    model.addAttribute("towns", alarms.towns());
    model.addAttribute("industries", alarms.industries());
    model.addAttribute("types", AlarmType.values());
    model.addAttribute("severities", Severity.values());
    return "duty/screen";
  }

  /** The alarms not yet closed, as the screen shows them, for the filter given. */
  @GetMapping("/duty/open.json")
  @ResponseBody
  ResponseEntity<Map<String, Object>> open(
      @RequestParam(required = false) String town,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) AlarmType type,
      @RequestParam(required = false) Severity severity) {
    AlarmSearch search =
        new AlarmSearch(
            Optional.empty(),
            Optional.ofNullable(town),
            Optional.ofNullable(industry),
            Optional.ofNullable(type),
            Optional.ofNullable(severity),
            AlarmSearch.NOT_CLOSED,
            Optional.empty(),
            Optional.empty());
    List<Map<String, Object>> rows = new ArrayList<>();
    List<DutyAlarm> shown = alarms.byUrgency(search, MAX_ON_SCREEN);
    Map<Long, AlarmCases.CaseRef> caseRefs =
        alarmCases.casesOf(shown.stream().map(DutyAlarm::id).toList());
    for (DutyAlarm a : shown) {
      Map<String, Object> row = json(a);
      AlarmCases.CaseRef ref = caseRefs.get(a.id());
      row.put("caseId", ref == null ? null : ref.id());
      row.put("caseNo", ref == null ? "" : ref.caseNo());
      rows.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", alarms.count(search));
    body.put("alarms", rows);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @GetMapping(value = "/duty/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter events() {
    return stream.open();
  }

  @GetMapping("/duty/alarms/{id}")
  String alarm(@PathVariable long id, Model model) {
    DutyAlarm a = find(id);
    model.addAttribute("alarm", a);
    model.addAttribute("factorLabel", a.factor().map(factorNames::label).orElse(""));
    model.addAttribute("explanations", explanations.of(id));
    model.addAttribute("alarmCase", alarmCases.caseOf(id).orElse(null));
    return "duty/alarm";
  }

  @GetMapping("/duty/alarms/{id}/series.json")
  @ResponseBody
  Map<String, Object> series(@PathVariable long id) {
    return series.of(find(id));
  }

  @PostMapping("/duty/alarms/{id}/acknowledge")
  String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
    try {
      actions.acknowledge(id);
      redirect.addFlashAttribute("notice", "duty.acknowledged");
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/duty/alarms/" + id;
  }

  @PostMapping("/duty/alarms/{id}/close")
  String close(
      @PathVariable long id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    try {
      actions.close(id, note);
      redirect.addFlashAttribute("notice", "duty.closed");
    } catch (UserFacingException e) {
      if (e.messageKey().endsWith("not-found")) {
        throw e;
      }
      redirect.addFlashAttribute("flashError", e);
    }
    return "redirect:/duty/alarms/" + id;
  }

  /**
   * A file of an explanation, always as a download: a file an enterprise sent must not run as a
   * page of this site.
   */
  @GetMapping("/duty/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long fileId) {
    AlarmExplanations.StoredFile f =
        explanations.file(fileId).orElseThrow(() -> new UserFacingException("error.not-found"));
    return Attachment.of(f.fileName(), f.content());
  }

  private DutyAlarm find(long id) {
    return alarms.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  private Map<String, Object> json(DutyAlarm a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("type", a.type().apiName());
    m.put("typeLabel", messages.label(a.type()));
    m.put("severity", a.severity().name());
    m.put("severityLabel", messages.label(a.severity()));
    m.put("status", a.status().name());
    m.put("statusLabel", messages.label(a.status()));
    m.put("source", a.source());
    m.put("town", a.town().orElse(""));
    m.put("industry", a.industry().orElse(""));
    m.put("deviceId", a.deviceId().orElse(null));
    m.put("factor", a.factor().orElse(""));
    m.put("factorLabel", a.factor().map(factorNames::label).orElse(""));
    m.put("value", a.valueText());
    m.put("limit", a.limitText());
    m.put("message", a.message());
    m.put("startedAt", minutes(a.startedAt()));
    m.put("lastSeenAt", minutes(a.lastSeenAt()));
    m.put("endedAt", a.endedAt().map(DutyController::minutes).orElse(""));
    m.put("foundLate", a.foundLate());
    m.put("rule", a.rule().map(DutyAlarm.Rule::name).orElse(""));
    m.put("acknowledgedBy", a.acknowledgedBy().orElse(""));
    m.put("acknowledgedAt", a.acknowledgedAt().map(times::minutes).orElse(""));
    m.put("canAcknowledge", a.status() == AlarmStatus.OPEN);
    m.put("explanations", a.explanations());
    return m;
  }

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A data time (county local) to the minute. */
  static String minutes(LocalDateTime t) {
    return MINUTES.format(t);
  }

  static Set<AlarmStatus> statuses(String status) {
    if (status == null || status.isBlank() || status.equals("all")) {
      return Set.of();
    }
    if (status.equals("open")) {
      return AlarmSearch.NOT_CLOSED;
    }
    for (AlarmStatus s : AlarmStatus.values()) {
      if (s.name().equalsIgnoreCase(status)) {
        return Set.of(s);
      }
    }
    return Set.of();
  }
}
