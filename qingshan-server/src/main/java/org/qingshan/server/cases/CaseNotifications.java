package org.qingshan.server.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.Messages;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told of a case step, in the application ({@code notification}, in the step's transaction)
 * and, for new, urged and supervised cases, on the group robots (after the commit): dispatched,
 * sent back, urged, extension answered → the assignee (a user, a department's liaisons, an
 * enterprise's users); handled, extension asked, new → the dispatchers; 督办 → the leadership and the
 * dispatchers; closed or refused → who registered it. Nobody is told of their own step.
 */
@Component
public class CaseNotifications {
  /** The notice of a step: this and the step's code ({@code cases.notice.dispatch} …). */
  private static final String NOTICE = "cases.notice.";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseRepository cases;
  private final NotificationRepository notifications;
  private final List<NotificationChannel> channels;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId zone;

  CaseNotifications(
      CaseRepository cases,
      NotificationRepository notifications,
      List<NotificationChannel> channels,
      Messages messages,
      Clock clock,
      ZoneId zone) {
    this.cases = cases;
    this.notifications = notifications;
    this.channels = List.copyOf(channels);
    this.messages = messages;
    this.clock = clock;
    this.zone = zone;
  }

  @EventListener
  void changed(CaseChanged e) {
    CaseFile c = cases.findById(e.caseId()).orElseThrow();
    Set<String> to = new LinkedHashSet<>();
    boolean robots = false;
    switch (e.action()) {
      case REGISTER -> {
        to.addAll(dispatchers());
        robots = true;
      }
      case DISPATCH, SEND_BACK, GRANT_EXTENSION, DENY_EXTENSION -> to.addAll(assignee(c));
      case HANDLE, REQUEST_EXTENSION -> to.addAll(dispatchers());
      case VERIFY, REJECT -> to.add(c.createdBy());
      case URGE -> {
        to.addAll(c.assignee().isPresent() ? assignee(c) : dispatchers());
        robots = true;
      }
      case SUPERVISE -> {
        to.addAll(notifications.usersWithRole(Role.LEADER));
        to.addAll(dispatchers());
        to.addAll(assignee(c));
        robots = true;
      }
      default -> {}
    }
    to.remove(e.by());
    if (to.isEmpty() && !robots) {
      return;
    }
    String text =
        messages.get(
            NOTICE + e.action().code(),
            c.caseNo(),
            c.title(),
            c.deadline().atZoneSameInstant(zone).format(TIME));
    tell(to, text, c);
    if (robots) {
      AfterCommit.run(() -> channels.forEach(ch -> ch.send(text)));
    }
  }

  /** 临期提醒: the case is due soon; its assignee is told (the clock remembers it did). */
  void dueSoon(CaseFile c) {
    tell(
        assignee(c),
        messages.get(
            "cases.notice.due-soon",
            c.caseNo(),
            c.title(),
            c.deadline().atZoneSameInstant(zone).format(TIME)),
        c);
  }

  private void tell(Collection<String> users, String text, CaseFile c) {
    notifications.insert(users, text, "/cases/" + c.id(), OffsetDateTime.now(clock));
  }

  private List<String> dispatchers() {
    return notifications.usersWithRole(Role.DISPATCHER);
  }

  /** The users a case's assignee stands for. */
  private List<String> assignee(CaseFile c) {
    return c.assignee()
        .map(
            a ->
                switch (a.kind()) {
                  case USER -> a.username().map(List::of).orElse(List.<String>of());
                  case DEPARTMENT ->
                      a.id().map(notifications::liaisonsOf).orElse(List.<String>of());
                  case ENTERPRISE ->
                      a.id().map(notifications::usersOfEnterprise).orElse(List.<String>of());
                })
        .orElse(List.of());
  }
}
