package org.qingshan.server.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.alarm.AlarmChanged;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.duty.AlarmExplanations;
import org.qingshan.server.duty.AlarmExplanations.NewFile;
import org.qingshan.server.duty.DutyAlarm;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.FileKinds;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** An enterprise explains one of its alarms, with evidence files; audited. */
@Service
class ExplanationService {
  static final String ENTITY = "alarm_explanation";
  static final int MAX_TEXT = 2000;
  static final int MAX_NAME = 200;

  private final PortalAccess access;
  private final AlarmExplanations explanations;
  private final PortalSettings settings;
  private final AuditLog audit;
  private final CurrentUser user;
  private final Clock clock;
  private final Messages messages;
  private final ApplicationEventPublisher events;

  ExplanationService(
      PortalAccess access,
      AlarmExplanations explanations,
      PortalSettings settings,
      AuditLog audit,
      CurrentUser user,
      Clock clock,
      Messages messages,
      ApplicationEventPublisher events) {
    this.events = events;
    this.access = access;
    this.explanations = explanations;
    this.settings = settings;
    this.audit = audit;
    this.user = user;
    this.clock = clock;
    this.messages = messages;
  }

  @Transactional
  public long explain(long alarmId, String text, List<MultipartFile> uploads) {
    DutyAlarm alarm = access.alarm(alarmId);
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new UserFacingException("portal.error.text-required");
    }
    if (body.length() > MAX_TEXT) {
      throw new UserFacingException("portal.error.text-too-long", MAX_TEXT);
    }
    List<MultipartFile> given = uploads.stream().filter(f -> !f.isEmpty()).toList();
    if (given.size() > settings.explanationMaxFiles()) {
      throw new UserFacingException("portal.error.too-many-files", settings.explanationMaxFiles());
    }
    List<NewFile> files = new ArrayList<>();
    for (MultipartFile f : given) {
      files.add(file(f));
    }
    long id =
        explanations.add(
            alarmId, body, user.require().getUsername(), OffsetDateTime.now(clock), files);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("alarm", alarmId);
    state.put("text", body);
    state.put("files", files.stream().map(NewFile::fileName).toList());
    audit.record(
        AuditAction.CREATE,
        ENTITY,
        id,
        messages.get("portal.audit.explained", alarm.message()),
        Optional.empty(),
        Optional.of(state));
    // The duty screens show that the enterprise has answered.
    AfterCommit.run(() -> events.publishEvent(new AlarmChanged(alarmId, alarm.status(), false)));
    return id;
  }

  private NewFile file(MultipartFile upload) {
    String name = cleanName(Optional.ofNullable(upload.getOriginalFilename()).orElse(""));
    String extension = FileKinds.extension(name);
    if (!settings.explanationFileTypes().contains(extension)) {
      throw new UserFacingException(
          "portal.error.file-type", name, String.join("、", settings.explanationFileTypes()));
    }
    byte[] content;
    try {
      content = upload.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type =
        FileKinds.contentType(name, content)
            .orElseThrow(() -> new UserFacingException("portal.error.file-content", name));
    return new NewFile(name, type, content);
  }

  /** The name without a path (old browsers send one) or control characters, and not too long. */
  static String cleanName(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String clean = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (clean.length() > MAX_NAME) {
      String extension = FileKinds.extension(clean);
      clean = clean.substring(0, MAX_NAME - extension.length() - 1) + "." + extension;
    }
    return clean.isEmpty() ? "file" : clean;
  }
}
