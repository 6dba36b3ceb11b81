package org.qingshan.server.mark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Filing, reviewing and reading data marks. Bureau staff see and mark every enterprise; an
 * enterprise user sees and marks only its own, and an id of another enterprise's mark or outlet is
 * refused and audited. Every step is audited; raw observations are never changed.
 */
@Service
public class MarkService {
  static final String ENTITY = "mark";
  static final String EVIDENCE = "mark-evidence";
  private final MarkRepository repository;
  private final OutletRepository outlets;
  private final EnterpriseRepository enterprises;
  private final EvidenceFiles files;
  private final MarksInForce inForce;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MarkService(
      MarkRepository repository,
      OutletRepository outlets,
      EnterpriseRepository enterprises,
      EvidenceFiles files,
      MarksInForce inForce,
      CurrentUser currentUser,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.outlets = outlets;
    this.enterprises = enterprises;
    this.files = files;
    this.inForce = inForce;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The enterprise the current user speaks for, when they are an enterprise user (an enterprise
   * user not yet bound to one gets an id no enterprise has, so sees nothing).
   */
  public Optional<Long> ownEnterprise() {
    return currentUser.principal().filter(MarkService::enterpriseOnly).map(this::enterpriseOf);
  }

  private long enterpriseOf(QingshanPrincipal p) {
    return enterprises.enterpriseOfUser(p.userId()).orElse(-1L);
  }

  private static boolean enterpriseOnly(QingshanPrincipal p) {
    return p.has(Role.ENTERPRISE) && p.roles().stream().noneMatch(Role::seesAllDepartments);
  }

  public PageResult<DataMark> search(MarkSearch search, PageQuery page) {
    Optional<Long> own = ownEnterprise();
    return repository.search(own.map(search::onlyEnterprise).orElse(search), page);
  }

  /** The mark, if the user may see it; another enterprise's is refused and audited. */
  public DataMark get(long id) {
    DataMark mark =
        repository.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    Optional<Long> own = ownEnterprise();
    if (own.isPresent() && own.get() != mark.enterpriseId()) {
      refuse(ENTITY, id);
    }
    return mark;
  }

  /** The outlets the user may file a mark for. */
  public List<Outlet> outletChoices() {
    return ownEnterprise().map(outlets::ofEnterprise).orElseGet(outlets::findAll);
  }

  @Transactional
  public DataMark file(MarkForm form) {
    Outlet outlet =
        outlets
            .findById(form.outletId())
            .orElseThrow(() -> new UserFacingException("mark.outlet.unknown"));
    Optional<Long> own = ownEnterprise();
    if (own.isPresent() && own.get() != outlet.enterpriseId()) {
      refuse("outlet", outlet.id());
    }
    if (!form.endsAt().isAfter(form.startsAt())) {
      throw new UserFacingException("mark.ends.after-start");
    }
    if (form.factorCode().isPresent() && form.device().isEmpty()) {
      throw new UserFacingException("mark.factor.needs-device");
    }
    if (form.device().isPresent()
        && !outlets.outletOfDevice(form.device().get()).map(o -> o == outlet.id()).orElse(false)) {
      throw new UserFacingException("mark.device.not-of-outlet");
    }
    QingshanPrincipal by = currentUser.require();
    DataMark mark =
        new DataMark(
            0,
            outlet.enterpriseId(),
            outlet.id(),
            form.device(),
            form.factorCode(),
            form.kind(),
            form.startsAt(),
            form.endsAt(),
            form.reason().trim(),
            by.getUsername(),
            own.isPresent(),
            OffsetDateTime.now(clock),
            MarkStatus.FILED,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    long id = repository.insert(mark);
    DataMark filed = repository.findById(id).orElseThrow();
    inForce.changed();
    audit.record(
        AuditAction.CREATE, ENTITY, id, summary(filed), Optional.empty(), Optional.of(filed));
    return filed;
  }

  @Transactional
  public DataMark accept(long id, String note) {
    return review(id, MarkStatus.ACCEPTED, Optional.ofNullable(note).orElse("").trim());
  }

  @Transactional
  public DataMark reject(long id, String note) {
    String text = Optional.ofNullable(note).orElse("").trim();
    if (text.isEmpty()) {
      throw new UserFacingException("mark.review.note-required");
    }
    return review(id, MarkStatus.REJECTED, text);
  }

  private DataMark review(long id, MarkStatus status, String note) {
    if (ownEnterprise().isPresent()) {
      refuse(ENTITY, id);
    }
    DataMark before = get(id);
    if (!before.awaitsReview()) {
      throw new UserFacingException("mark.review.not-pending");
    }
    if (note.length() > 1000) {
      throw new UserFacingException("mark.reason.size");
    }
    repository.review(
        id, status, currentUser.require().getUsername(), OffsetDateTime.now(clock), note);
    DataMark after = repository.findById(id).orElseThrow();
    inForce.changed();
    audit.record(
        AuditAction.UPDATE, ENTITY, id, summary(after), Optional.of(before), Optional.of(after));
    return after;
  }

  public List<MarkEvidence> evidenceOf(long markId) {
    get(markId);
    return repository.evidenceOf(markId);
  }

  /** Stores an evidence file for a mark the user may see, after checking its type. */
  @Transactional
  public MarkEvidence addEvidence(long markId, MultipartFile file) {
    DataMark mark = get(markId);
    String name =
        Optional.ofNullable(file.getOriginalFilename())
            .map(n -> n.replaceAll("^.*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", ""))
            .filter(n -> !n.isBlank())
            .orElse("evidence");
    if (file.isEmpty()) {
      throw new UserFacingException("mark.evidence.empty");
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = files.check(name, content);
    String stored = files.store(content);
    try {
      MarkEvidence evidence =
          new MarkEvidence(
              0,
              mark.id(),
              name.length() > 200 ? name.substring(name.length() - 200) : name,
              type,
              content.length,
              stored,
              currentUser.require().getUsername(),
              OffsetDateTime.now(clock));
      long id = repository.insertEvidence(evidence);
      MarkEvidence saved = repository.evidence(id).orElseThrow();
      audit.record(
          AuditAction.CREATE,
          EVIDENCE,
          id,
          saved.fileName() + " → " + summary(mark),
          Optional.empty(),
          Optional.of(saved));
      return saved;
    } catch (RuntimeException e) {
      files.delete(stored);
      throw e;
    }
  }

  /** An evidence file with its place on disk, if the user may see its mark. */
  public EvidenceDownload evidence(long evidenceId) {
    MarkEvidence evidence =
        repository
            .evidence(evidenceId)
            .orElseThrow(() -> new UserFacingException("error.not-found"));
    Optional<Long> own = ownEnterprise();
    DataMark mark = repository.findById(evidence.markId()).orElseThrow();
    if (own.isPresent() && own.get() != mark.enterpriseId()) {
      refuse(EVIDENCE, evidenceId);
    }
    Path path =
        files
            .path(evidence.storedName())
            .orElseThrow(() -> new UserFacingException("error.not-found"));
    return new EvidenceDownload(evidence, path);
  }

  /** An evidence file to send. */
  public record EvidenceDownload(MarkEvidence evidence, Path path) {}

  private void refuse(String entity, long id) {
    events.publishEvent(new RecordRefused(entity, Optional.of(id)));
    throw new AccessDeniedException(entity + " " + id + " belongs to another enterprise");
  }

  private static String summary(DataMark m) {
    return m.kind()
        + " "
        + m.startsAt()
        + " – "
        + m.endsAt()
        + " "
        + m.status()
        + m.factor().map(f -> " " + f).orElse("");
  }
}
