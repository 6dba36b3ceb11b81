package org.qingshan.server.cases;

import java.util.Optional;
import org.qingshan.server.alarm.AlarmActions;
import org.qingshan.server.alarm.AlarmChanged;
import org.qingshan.server.alarm.AlarmRepository;
import org.qingshan.server.alarm.AlarmRuleRepository;
import org.qingshan.server.alarm.AlarmStatus;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alarms and their cases: a case built from an alarm (转为案件: title, type, severity, enterprise and
 * place taken from it), opened at once for the alarms of a rule set to 自动生成案件, and the alarm closed
 * through the alarm package's own close when its case is verified closed — an alarm's case closes
 * only when verified, and then its alarm with it.
 */
@Component
public class AlarmCases {
  private static final Logger log = LoggerFactory.getLogger(AlarmCases.class);
  private static final int MAX_TITLE = 200;

  private final JdbcClient jdbc;
  private final CaseService cases;
  private final CaseRepository repository;
  private final AlarmRepository alarms;
  private final AlarmRuleRepository rules;
  private final AlarmActions alarmActions;
  private final Messages messages;
  private final TransactionTemplate ownTransaction;

  AlarmCases(
      JdbcClient jdbc,
      CaseService cases,
      CaseRepository repository,
      AlarmRepository alarms,
      AlarmRuleRepository rules,
      AlarmActions alarmActions,
      Messages messages,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.repository = repository;
    this.alarms = alarms;
    this.rules = rules;
    this.alarmActions = alarmActions;
    this.messages = messages;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The case an alarm becomes; {@code cases.alarm.not-found} when there is no such alarm. */
  public NewCase fromAlarm(long alarmId) {
    AlarmRow a =
        jdbc
            .sql(
                "SELECT a.id, a.severity, a.message, d.mn, e.id AS ent_id, e.name AS ent_name,"
                    + " e.address, e.longitude, e.latitude FROM alarm a"
                    + " LEFT JOIN device d ON d.id = a.device_id"
                    + " LEFT JOIN device_outlet dout ON dout.device_id = a.device_id"
                    + " LEFT JOIN outlet o ON o.id = COALESCE(a.outlet_id, dout.outlet_id)"
                    + " LEFT JOIN facility fac ON fac.id = a.facility_id"
                    + " LEFT JOIN enterprise e ON e.id = COALESCE(a.enterprise_id,"
                    + " o.enterprise_id, fac.enterprise_id)"
                    + " WHERE a.id = :id")
            .param("id", alarmId)
            .query(
                (rs, n) ->
                    new AlarmRow(
                        rs.getLong("id"),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getString("message"),
                        Optional.ofNullable(rs.getString("mn")),
                        Optional.ofNullable(rs.getObject("ent_id", Long.class)),
                        Optional.ofNullable(rs.getString("ent_name")),
                        Optional.ofNullable(rs.getString("address")),
                        Optional.ofNullable(rs.getObject("latitude", Double.class)),
                        Optional.ofNullable(rs.getObject("longitude", Double.class))))
            .stream()
            .findFirst()
            .orElseThrow(() -> new UserFacingException("cases.alarm.not-found", alarmId));
    String title = a.enterpriseName().map(n -> n + "：").orElse("") + a.message();
    if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE);
    }
    String description =
        messages.get("cases.alarm.description", a.id(), a.message(), a.mn().orElse("-"));
    NewCase c =
        NewCase.of(title, CaseType.ONLINE_MONITORING, CaseSource.ALARM, a.severity(), description)
            .withAlarm(a.id());
    if (a.enterpriseId().isPresent()) {
      c = c.withEnterprise(a.enterpriseId().get());
    }
    Optional<String> place = a.address().or(a::enterpriseName);
    if (place.isPresent()) {
      boolean located = a.lat().isPresent() && a.lng().isPresent();
      c =
          c.withPlace(
              place.get(),
              located ? a.lat() : Optional.empty(),
              located ? a.lng() : Optional.empty());
    }
    return c;
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
            if (repository.ofAlarm(changed.alarmId()).stream()
                .anyMatch(c -> !c.status().finished())) {
              return;
            }
            cases.open(fromAlarm(changed.alarmId()), AuditLog.SYSTEM, StepInput.text(""));
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
    CaseFile c = repository.findById(changed.caseId()).orElseThrow();
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

  private record AlarmRow(
      long id,
      Severity severity,
      String message,
      Optional<String> mn,
      Optional<Long> enterpriseId,
      Optional<String> enterpriseName,
      Optional<String> address,
      Optional<Double> lat,
      Optional<Double> lng) {}
}
