package org.qingshan.server.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.StoredPhotos;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Opening cases and taking their steps. Every step checks the workflow and who may take it, writes
 * a step row (with its photos), an audit entry and announces {@link CaseChanged}, all in one
 * transaction; a case read by a second person meanwhile is refused with {@code error.stale}.
 */
@Service
public class CaseService {
  private final CaseRepository repository;
  private final CaseAccess access;
  private final CaseDeadlines deadlines;
  private final CasePhotos photos;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ZoneId zone;

  CaseService(
      CaseRepository repository,
      CaseAccess access,
      CaseDeadlines deadlines,
      CasePhotos photos,
      CurrentUser currentUser,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      ZoneId zone) {
    this.repository = repository;
    this.access = access;
    this.deadlines = deadlines;
    this.photos = photos;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.zone = zone;
  }

  /** Opens a case as the logged-in user. */
  @Transactional
  public CaseFile open(NewCase c) {
    return open(c, currentUser.require().getUsername(), StepInput.text(""));
  }

  /**
   * Opens a case on behalf of someone not logged in (the public, {@code system} for a rule), with
   * the photos and position of the report.
   */
  @Transactional
  public CaseFile open(NewCase c, String by, StepInput input) {
    validate(c);
    if (c.alarmId().isPresent()
        && repository.ofAlarm(c.alarmId().get()).stream().anyMatch(x -> !x.status().finished())) {
      throw new UserFacingException("cases.alarm.has-case");
    }
    photos.checkCount(input.photos().size());
    OffsetDateTime now = OffsetDateTime.now(clock);
    String caseNo = repository.nextCaseNo(now.atZoneSameInstant(zone).getYear());
    long id =
        repository.insert(
            c, caseNo, deadlines.deadline(c, now), deadlines.acceptBy(c, now), by, now);
    long step =
        repository.insertStep(
            id,
            CaseAction.REGISTER,
            by,
            now,
            c.description(),
            Optional.empty(),
            CaseStatus.PENDING,
            input.lat().or(c::lat),
            input.lng().or(c::lng));
    storePhotos(id, step, input.photos());
    CaseFile opened = repository.findById(id).orElseThrow();
    audit.recordAs(
        by,
        AuditAction.CREATE,
        CaseAccess.ENTITY,
        id,
        summary(opened),
        Optional.empty(),
        Optional.of(opened));
    events.publishEvent(
        new CaseChanged(id, CaseAction.REGISTER, Optional.empty(), CaseStatus.PENDING, by));
    return opened;
  }

  public PageResult<CaseFile> search(CaseSearch search, PageQuery page) {
    return repository.search(access.ownCases().map(search::withAssignedTo).orElse(search), page);
  }

  /** The case, if the user may read it; another's is refused and audited. */
  public CaseFile get(long id) {
    return access.requireReadable(find(id));
  }

  public List<CaseStep> steps(long id) {
    get(id);
    return repository.steps(id);
  }

  /** A photo of a case the user may read. */
  public Optional<byte[]> photo(long caseId, long photoId) {
    get(caseId);
    return repository.photo(photoId).filter(p -> p.caseId() == caseId).flatMap(photos::read);
  }

  @Transactional
  public CaseFile accept(long id, StepInput in) {
    return step(id, CaseAction.ACCEPT, in);
  }

  /** 不予受理: the reason is required, and is the answer the reporter reads. */
  @Transactional
  public CaseFile reject(long id, StepInput in) {
    requireText(in);
    repository.setAnswer(id, in.text());
    return step(id, CaseAction.REJECT, in);
  }

  /** 转办 to an assignee, with a deadline of its own if given (never later than the longest). */
  @Transactional
  public CaseFile dispatch(long id, Assignee to, Optional<OffsetDateTime> deadline, StepInput in) {
    CaseFile c = find(id);
    access.requireStep(c, CaseAction.DISPATCH);
    deadline.ifPresent(
        d -> {
          if (!d.isAfter(OffsetDateTime.now(clock))) {
            throw new UserFacingException("cases.deadline.past");
          }
          repository.setDeadline(id, d);
        });
    repository.assign(id, to);
    String text = in.text().isEmpty() ? to.name() : to.name() + "：" + in.text();
    return step(c, CaseAction.DISPATCH, withText(in, text));
  }

  /** 签收 by the assignee. */
  @Transactional
  public CaseFile take(long id, StepInput in) {
    return step(id, CaseAction.TAKE, in);
  }

  /** 办理反馈 by the assignee: text required, photos and position as sent. */
  @Transactional
  public CaseFile handle(long id, StepInput in) {
    requireText(in);
    return step(id, CaseAction.HANDLE, in);
  }

  /** 申请延期 by the assignee, to the date asked, with a reason. */
  @Transactional
  public CaseFile requestExtension(long id, OffsetDateTime until, StepInput in) {
    requireText(in);
    CaseFile c = find(id);
    checkExtension(c, until);
    repository.setExtensionRequested(id, true);
    return step(c, CaseAction.REQUEST_EXTENSION, withText(in, in.text()));
  }

  /** 同意延期: the new deadline, at most the configured days past the current one. */
  @Transactional
  public CaseFile grantExtension(long id, OffsetDateTime until, StepInput in) {
    CaseFile c = find(id);
    access.requireStep(c, CaseAction.GRANT_EXTENSION);
    checkExtension(c, until);
    repository.setDeadline(id, until);
    repository.setExtensionRequested(id, false);
    return step(c, CaseAction.GRANT_EXTENSION, in);
  }

  @Transactional
  public CaseFile denyExtension(long id, StepInput in) {
    repository.setExtensionRequested(id, false);
    return step(id, CaseAction.DENY_EXTENSION, in);
  }

  /**
   * 核查: passed closes the case and its text is the answer the reporter reads; failed sends it back
   * to the assignee with the text as the reason.
   */
  @Transactional
  public CaseFile verify(long id, boolean passed, StepInput in) {
    if (passed) {
      CaseFile c = find(id);
      access.requireStep(c, CaseAction.VERIFY);
      if (!in.text().isEmpty()) {
        repository.setAnswer(id, in.text());
      }
      return step(c, CaseAction.VERIFY, in);
    }
    requireText(in);
    return step(id, CaseAction.SEND_BACK, in);
  }

  @Transactional
  public CaseFile urge(long id, StepInput in) {
    return step(id, CaseAction.URGE, in);
  }

  @Transactional
  public CaseFile supervise(long id, StepInput in) {
    return step(id, CaseAction.SUPERVISE, in);
  }

  @Transactional
  public CaseFile comment(long id, StepInput in) {
    requireText(in);
    return step(id, CaseAction.COMMENT, in);
  }

  /**
   * A step the escalation clock takes (催办, 督办) at the given time, as {@code system}: no user is
   * logged in, so no access check.
   */
  @Transactional
  public CaseFile escalate(long id, CaseAction action, int level, String text, OffsetDateTime at) {
    CaseFile c = find(id);
    CaseStatus to =
        CaseWorkflow.next(c.status(), action)
            .orElseThrow(() -> new UserFacingException("cases.step.not-allowed"));
    repository.setEscalation(id, level);
    return record(c, action, to, AuditLog.SYSTEM, at, StepInput.text(text));
  }

  private CaseFile step(long id, CaseAction action, StepInput in) {
    CaseFile c = find(id);
    access.requireStep(c, action);
    return step(c, action, in);
  }

  private CaseFile step(CaseFile c, CaseAction action, StepInput in) {
    CaseStatus to =
        CaseWorkflow.next(c.status(), action)
            .orElseThrow(() -> new UserFacingException("cases.step.not-allowed"));
    if (in.version().isPresent() && in.version().get() != c.version()) {
      throw new UserFacingException("error.stale");
    }
    photos.checkCount(in.photos().size());
    return record(
        c, action, to, currentUser.require().getUsername(), OffsetDateTime.now(clock), in);
  }

  private CaseFile record(
      CaseFile c, CaseAction action, CaseStatus to, String by, OffsetDateTime at, StepInput in) {
    if (!repository.changeStatus(c.id(), c.version(), to, at)) {
      throw new UserFacingException("error.stale");
    }
    long step =
        repository.insertStep(
            c.id(), action, by, at, in.text(), Optional.of(c.status()), to, in.lat(), in.lng());
    storePhotos(c.id(), step, in.photos());
    CaseFile after = repository.findById(c.id()).orElseThrow();
    audit.recordAs(
        by,
        AuditAction.UPDATE,
        CaseAccess.ENTITY,
        c.id(),
        summary(after) + " " + action.code(),
        Optional.of(c),
        Optional.of(after));
    events.publishEvent(new CaseChanged(c.id(), action, Optional.of(c.status()), to, by));
    return after;
  }

  private void storePhotos(long caseId, long stepId, List<MultipartFile> files) {
    for (MultipartFile f : files) {
      StoredPhotos.Stored s = photos.store(f);
      repository.insertPhoto(caseId, stepId, s.name(), s.size(), s.width(), s.height());
    }
  }

  private void checkExtension(CaseFile c, OffsetDateTime until) {
    if (!until.isAfter(c.deadline())) {
      throw new UserFacingException("cases.extension.not-later");
    }
    if (until.isAfter(deadlines.longestExtension(c.deadline()))) {
      throw new UserFacingException("cases.extension.too-long");
    }
  }

  private CaseFile find(long id) {
    return repository.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  private static void validate(NewCase c) {
    if (c.title() == null || c.title().isBlank()) {
      throw new UserFacingException("cases.title.required");
    }
    if (c.title().length() > 200) {
      throw new UserFacingException("cases.title.size");
    }
    if (c.description() == null || c.description().length() > 4000) {
      throw new UserFacingException("cases.text.size");
    }
    if (c.lat().isPresent() != c.lng().isPresent()
        || c.lat().filter(v -> v < -90 || v > 90).isPresent()
        || c.lng().filter(v -> v < -180 || v > 180).isPresent()) {
      throw new UserFacingException("cases.location.invalid");
    }
  }

  private static void requireText(StepInput in) {
    if (in.text().isEmpty()) {
      throw new UserFacingException("cases.text.required");
    }
    if (in.text().length() > 4000) {
      throw new UserFacingException("cases.text.size");
    }
  }

  private static StepInput withText(StepInput in, String text) {
    return new StepInput(text, in.lat(), in.lng(), in.photos(), in.version());
  }

  private static String summary(CaseFile c) {
    return c.caseNo() + " " + c.title() + " " + c.status();
  }
}
