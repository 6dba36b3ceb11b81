package org.qingshan.server.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.alarm.AlarmActions;
import org.qingshan.server.alarm.AlarmChanged;
import org.qingshan.server.alarm.AlarmRepository;
import org.qingshan.server.alarm.AlarmRuleRepository;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.AlarmView;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentRepository;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases opened from alarms (转为案件): the title, type, severity, enterprise, place and town come from
 * the alarm and its enterprise, so one click on the duty screen (or the API's {@code {alarmId}})
 * opens a complete case; a rule set to 自动生成案件 opens it at once; a case verified closed closes its
 * alarm with it (an alarm's case closes only when verified).
 */
@Service
public class AlarmCases {
  private static final Logger log = LoggerFactory.getLogger(AlarmCases.class);
  private final AlarmRepository alarms;
  private final EnterpriseRepository enterprises;
  private final DepartmentRepository departments;
  private final CaseRepository cases;
  private final CaseService service;
  private final CaseAccess access;
  private final Messages messages;
  private final AlarmRuleRepository rules;
  private final AlarmActions alarmActions;
  private final TransactionTemplate ownTransaction;
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
      AlarmRuleRepository rules,
      AlarmActions alarmActions,
      PlatformTransactionManager transactions,
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
    this.rules = rules;
    this.alarmActions = alarmActions;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
    // the alarm's own message names the factor and the values in Chinese; the type is the fallback
    String title = who + (view.alarm().message().isBlank() ? what : view.alarm().message());
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

  /**
   * An alarm just raised by a rule set to 自动生成案件 opens its case as {@code system}. Announced after
   * the engine's commit, so in a transaction of its own; a failure is logged, never the engine's.
   */
  @EventListener
  void alarmOpened(AlarmChanged changed) {
    if (!changed.opened()) {
      return;
    }
    try {
      Optional<Long> rule = alarms.find(changed.alarmId()).flatMap(a -> a.ruleId());
      if (rule.isEmpty() || !rules.autoCase(rule.get())) {
        return;
      }
      ownTransaction.executeWithoutResult(
          tx -> {
            if (cases.ofAlarm(changed.alarmId()).stream().anyMatch(c -> !c.status().finished())) {
              return;
            }
            service.open(describe(changed.alarmId()), AuditLog.SYSTEM, StepInput.text(""));
          });
    } catch (RuntimeException e) {
      log.warn("no case opened for alarm {}: {}", changed.alarmId(), e.toString());
    }
  }

  /**
   * A case verified closed closes its alarm (unless someone closed it meanwhile) with the case's
   * answer as the note, in the same transaction: both close, or neither.
   */
  @EventListener
  void caseChanged(CaseChanged changed) {
    if (changed.action() != CaseAction.VERIFY || changed.to() != CaseStatus.CLOSED) {
      return;
    }
    CaseFile c = cases.findById(changed.caseId()).orElseThrow();
    if (c.alarmId().isEmpty()) {
      return;
    }
    long alarmId = c.alarmId().get();
    if (alarms.find(alarmId).map(a -> a.status() == AlarmStatus.CLOSED).orElse(true)) {
      return;
    }
    String note =
        messages.get(
            "cases.alarm.closed-by-case",
            c.caseNo(),
            c.answer().filter(s -> !s.isBlank()).orElse(messages.get("CaseStatus.CLOSED")));
    if (note.length() > AlarmActions.MAX_NOTE) {
      note = note.substring(0, AlarmActions.MAX_NOTE);
    }
    alarmActions.close(alarmId, note);
  }
}
