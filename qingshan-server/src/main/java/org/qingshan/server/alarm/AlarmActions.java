package org.qingshan.server.alarm;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The human steps of an alarm: acknowledged (someone on duty has seen it) and closed (handled, with
 * a note). Each is audited with who and when, and announced once committed so that every open duty
 * screen shows it. Public to the duty screen and to the case an alarm became, which closes its
 * alarm when verified.
 */
@Service
public class AlarmActions {
  public static final String ENTITY = "alarm";
  public static final int MAX_NOTE = 1000;

  private final AlarmRepository engineAlarms;
  private final AuditLog audit;
  private final CurrentUser user;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Messages messages;

  AlarmActions(
      AlarmRepository engineAlarms,
      AuditLog audit,
      CurrentUser user,
      Clock clock,
      ApplicationEventPublisher events,
      Messages messages) {
    this.engineAlarms = engineAlarms;
    this.audit = audit;
    this.user = user;
    this.clock = clock;
    this.events = events;
    this.messages = messages;
  }

  @Transactional
  public void acknowledge(long id) {
    Alarm before =
        engineAlarms.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    if (before.status() != AlarmStatus.OPEN) {
      throw new UserFacingException("duty.error.not-open");
    }
    String by = user.require().getUsername();
    OffsetDateTime at = OffsetDateTime.now(clock);
    if (!engineAlarms.acknowledge(id, by, at)) {
      throw new UserFacingException("duty.error.not-open");
    }
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        messages.get("duty.audit.acknowledged", before.message()),
        Optional.of(state(before.status(), Optional.empty())),
        Optional.of(state(AlarmStatus.ACKNOWLEDGED, Optional.empty())));
    announce(id, AlarmStatus.ACKNOWLEDGED);
  }

  @Transactional
  public void close(long id, String note) {
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw new UserFacingException("duty.error.note-required");
    }
    if (text.length() > MAX_NOTE) {
      throw new UserFacingException("duty.error.note-too-long", MAX_NOTE);
    }
    Alarm before =
        engineAlarms.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    if (before.status() == AlarmStatus.CLOSED) {
      throw new UserFacingException("duty.error.closed");
    }
    String by = user.require().getUsername();
    if (!engineAlarms.closeAcknowledging(id, by, OffsetDateTime.now(clock), text)) {
      throw new UserFacingException("duty.error.closed");
    }
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        messages.get("duty.audit.closed", before.message()),
        Optional.of(state(before.status(), Optional.empty())),
        Optional.of(state(AlarmStatus.CLOSED, Optional.of(text))));
    announce(id, AlarmStatus.CLOSED);
  }

  private void announce(long id, AlarmStatus status) {
    AfterCommit.run(() -> events.publishEvent(new AlarmChanged(id, status, false)));
  }

  private static Map<String, Object> state(AlarmStatus status, Optional<String> note) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", status.name());
    note.ifPresent(n -> s.put("closeNote", n));
    return s;
  }
}
