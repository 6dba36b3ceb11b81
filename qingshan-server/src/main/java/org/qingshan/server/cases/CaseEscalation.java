package org.qingshan.server.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.qingshan.server.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The escalation clock: an open case past its deadline is 催办 (level 1, its assignee told); more
 * than {@code superviseAfterDays} past it, 督办 (level 2, the leadership and the dispatchers told); a
 * public report not accepted by its accept-by time is 催办 to the dispatchers; a case due within
 * {@code dueSoonHours} earns its assignee one 临期 reminder. A level is never taken twice (a granted
 * extension, which moves the deadline, starts again), and each reminder is remembered per deadline.
 * Each case in a transaction of its own: one that fails is logged and the others go on.
 */
@Component
public class CaseEscalation {
  static final String DUE_SOON = "DUE_SOON";
  static final String ACCEPT_BY = "ACCEPT_BY";
  private static final Logger log = LoggerFactory.getLogger(CaseEscalation.class);

  private final CaseRepository cases;
  private final CaseService service;
  private final CaseNotifications notifications;
  private final CaseSettings settings;
  private final Messages messages;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CaseEscalation(
      CaseRepository cases,
      CaseService service,
      CaseNotifications notifications,
      CaseSettings settings,
      Messages messages,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.cases = cases;
    this.service = service;
    this.notifications = notifications;
    this.settings = settings;
    this.messages = messages;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${qingshan.cases.escalation-every:PT5M}",
      initialDelayString = "${qingshan.cases.escalation-first:PT2M}")
  void scheduled() {
    run(OffsetDateTime.now(clock));
  }

  /** Takes the steps due at {@code now}; the number of steps and reminders taken. */
  public int run(OffsetDateTime now) {
    int taken = 0;
    for (CaseFile open : cases.open()) {
      taken += runFor(open.id(), now);
    }
    return taken;
  }

  /**
   * Takes the steps due at {@code now} on one case, in a transaction of its own: a case that cannot
   * be escalated is logged and leaves the others to go on.
   */
  public int runFor(long caseId, OffsetDateTime now) {
    try {
      Integer n = transaction.execute(tx -> escalate(caseId, now));
      return n == null ? 0 : n;
    } catch (RuntimeException e) {
      log.warn("case {} not escalated: {}", caseId, e.toString());
      return 0;
    }
  }

  private int escalate(long id, OffsetDateTime now) {
    CaseFile c = cases.findById(id).orElseThrow();
    if (c.status().finished()) {
      return 0;
    }
    int taken = 0;
    if (c.status() == CaseStatus.PENDING
        && c.acceptBy().filter(now::isAfter).isPresent()
        && remember(c, ACCEPT_BY, c.acceptBy().get(), now)) {
      // 催办 to the dispatchers; the level stays, which is about the deadline.
      c =
          service.escalate(
              id, CaseAction.URGE, c.escalation(), messages.get("cases.escalation.accept-by"), now);
      taken++;
    }
    if (now.isAfter(c.deadline().plusDays(settings.superviseAfterDays()))) {
      if (c.escalation() < 2) {
        service.escalate(
            id,
            CaseAction.SUPERVISE,
            2,
            messages.get("cases.escalation.supervise", settings.superviseAfterDays()),
            now);
        taken++;
      }
    } else if (now.isAfter(c.deadline())) {
      if (c.escalation() < 1) {
        service.escalate(id, CaseAction.URGE, 1, messages.get("cases.escalation.urge"), now);
        taken++;
      }
    } else if (c.assignee().isPresent()
        && !now.isBefore(c.deadline().minusHours(settings.dueSoonHours()))
        && remember(c, DUE_SOON, c.deadline(), now)) {
      notifications.dueSoon(c);
      taken++;
    }
    return taken;
  }

  /** Notes a reminder about the given time; false when it was sent already. */
  private boolean remember(CaseFile c, String kind, OffsetDateTime dueAt, OffsetDateTime now) {
    boolean sent =
        jdbc.sql(
                    "SELECT COUNT(*) FROM case_reminder WHERE case_id = :c AND kind = :k"
                        + " AND due_at = :d")
                .param("c", c.id())
                .param("k", kind)
                .param("d", dueAt)
                .query(Integer.class)
                .single()
            > 0;
    if (sent) {
      return false;
    }
    jdbc.sql("INSERT INTO case_reminder (case_id, kind, due_at, sent_at) VALUES (:c, :k, :d, :now)")
        .param("c", c.id())
        .param("k", kind)
        .param("d", dueAt)
        .param("now", now)
        .update();
    return true;
  }
}
