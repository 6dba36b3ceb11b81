package org.qingshan.server.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.alarm.AlarmRepository;
import org.qingshan.server.alarm.AlarmView;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentRepository;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases opened from alarms (转为案件): the title, type, severity, enterprise, place and town come from
 * the alarm and its enterprise, so one click on the duty screen (or the API's {@code {alarmId}})
 * opens a complete case.
 */
@Service
public class AlarmCases {
  private final AlarmRepository alarms;
  private final EnterpriseRepository enterprises;
  private final DepartmentRepository departments;
  private final CaseRepository cases;
  private final CaseService service;
  private final CaseAccess access;
  private final Messages messages;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  AlarmCases(
      AlarmRepository alarms,
      EnterpriseRepository enterprises,
      DepartmentRepository departments,
      CaseRepository cases,
      CaseService service,
      CaseAccess access,
      Messages messages,
      JdbcClient jdbc,
      ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.alarms = alarms;
    this.enterprises = enterprises;
    this.departments = departments;
    this.cases = cases;
    this.service = service;
    this.access = access;
    this.messages = messages;
  }

  /**
   * Opens a case from the alarm as the logged-in user (the bureau only); a second while one is open
   * is refused with {@code cases.alarm.has-case}.
   */
  @Transactional
  public CaseFile openFor(long alarmId) {
    if (!access.bureau()) {
      events.publishEvent(new RecordRefused("alarm", Optional.of(alarmId)));
      throw new AccessDeniedException("only the bureau opens a case from alarm " + alarmId);
    }
    return service.open(describe(alarmId));
  }

  /** The case an alarm would open, for callers that open it themselves (a rule, as system). */
  public NewCase describe(long alarmId) {
    AlarmView view =
        alarms.findView(alarmId).orElseThrow(() -> new UserFacingException("error.not-found"));
    Optional<Enterprise> enterprise =
        view.alarm()
            .enterpriseId()
            .or(() -> enterpriseOfSource(view))
            .flatMap(enterprises::findById);
    String what =
        messages.getOrElse(
            "alarm.type." + view.alarm().type().apiName(), view.alarm().type().apiName());
    String who =
        enterprise
            .map(Enterprise::name)
            .or(view::enterpriseName)
            .or(view::deviceName)
            .or(view::mn)
            .map(n -> n + " ")
            .orElse("");
    String title = who + what + view.alarm().factor().map(f -> " " + f).orElse("");
    NewCase c =
        NewCase.of(
                title.length() > 200 ? title.substring(0, 200) : title,
                CaseType.ONLINE_MONITORING,
                CaseSource.ALARM,
                view.alarm().severity(),
                view.alarm().message().length() > 4000
                    ? view.alarm().message().substring(0, 4000)
                    : view.alarm().message())
            .withAlarm(alarmId);
    if (enterprise.isPresent()) {
      Enterprise e = enterprise.get();
      c = c.withEnterprise(e.id());
      boolean located = e.latitude().isPresent() && e.longitude().isPresent();
      c =
          c.withPlace(
              e.address().orElse(e.name()),
              located ? e.latitude() : Optional.empty(),
              located ? e.longitude() : Optional.empty());
      Optional<Long> town =
          e.departmentId()
              .flatMap(departments::findById)
              .filter(d -> d.kind() == DepartmentKind.TOWN || d.kind() == DepartmentKind.STREET)
              .map(d -> d.id());
      if (town.isPresent()) {
        c = c.withTown(town.get());
      }
    }
    return c;
  }

  /** An alarm of a device or outlet without its enterprise named: the outlet's enterprise. */
  private Optional<Long> enterpriseOfSource(AlarmView view) {
    if (view.alarm().outletId().isPresent()) {
      return jdbc
          .sql("SELECT enterprise_id FROM outlet WHERE id = :o")
          .param("o", view.alarm().outletId().get())
          .query(Long.class)
          .list()
          .stream()
          .findFirst();
    }
    if (view.alarm().deviceId().isPresent()) {
      return jdbc
          .sql(
              "SELECT o.enterprise_id FROM device_outlet x JOIN outlet o ON o.id = x.outlet_id"
                  + " WHERE x.device_id = :d ORDER BY o.id")
          .param("d", view.alarm().deviceId().get())
          .query(Long.class)
          .list()
          .stream()
          .findFirst();
    }
    return Optional.empty();
  }

  /** A case of an alarm as the duty screen links it. */
  public record CaseRef(long id, String caseNo) {}

  /** The newest case of each alarm that has one, for the rows of the duty screen in one query. */
  public Map<Long, CaseRef> casesOf(Collection<Long> alarmIds) {
    Map<Long, CaseRef> refs = new HashMap<>();
    if (alarmIds.isEmpty()) {
      return refs;
    }
    jdbc.sql("SELECT alarm_id, id, case_no FROM case_file WHERE alarm_id IN (:ids) ORDER BY id")
        .param("ids", alarmIds)
        .query(
            (RowCallbackHandler)
                rs -> refs.put(rs.getLong(1), new CaseRef(rs.getLong(2), rs.getString(3))));
    return refs;
  }

  /** The newest case of the alarm (open or finished), for the duty screen's link. */
  public Optional<CaseFile> caseOf(long alarmId) {
    var all = cases.ofAlarm(alarmId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }
}
