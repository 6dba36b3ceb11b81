package org.qingshan.server.grid;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.alarm.Severity;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.cases.CaseFile;
import org.qingshan.server.cases.CaseService;
import org.qingshan.server.cases.CaseSource;
import org.qingshan.server.cases.CaseType;
import org.qingshan.server.cases.NewCase;
import org.qingshan.server.cases.StepInput;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.StoredPhotos;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Patrol check-ins of grid members: only on a grid they serve (another's is refused and audited),
 * with their position, photos and findings; a problem found opens a case (source 网格巡查, the grid,
 * its town, the position and the photos) in the same transaction.
 */
@Service
public class PatrolService {
  static final String ENTITY = "patrol";
  private static final int TITLE_TEXT = 40;
  private final GridRepository repository;
  private final GridService grids;
  private final GridPhotos photos;
  private final GridSettings settings;
  private final CaseService cases;
  private final DepartmentService departments;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Messages messages;
  private final Clock clock;

  PatrolService(
      GridRepository repository,
      GridService grids,
      GridPhotos photos,
      GridSettings settings,
      CaseService cases,
      DepartmentService departments,
      CurrentUser currentUser,
      AuditLog audit,
      ApplicationEventPublisher events,
      Messages messages,
      Clock clock) {
    this.repository = repository;
    this.grids = grids;
    this.photos = photos;
    this.settings = settings;
    this.cases = cases;
    this.departments = departments;
    this.currentUser = currentUser;
    this.audit = audit;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
  }

  /** The patrol just stored, and the case it opened. */
  public record CheckedIn(Patrol patrol, Optional<CaseFile> opened) {}

  /** The current user's check-in on one of their grids, at the server's time. */
  @Transactional
  public CheckedIn checkIn(PatrolInput in) {
    QingshanPrincipal me = currentUser.require();
    Grid grid = grids.get(in.gridId());
    requireMember(grid, me);
    validate(in);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String findings =
        in.findings().isEmpty() ? messages.get("grid.patrol.nothing-found") : in.findings();
    long id =
        repository.insertPatrol(
            grid.id(), me.getUsername(), now, in.lat(), in.lng(), findings, in.problem());
    for (MultipartFile f : in.photos()) {
      StoredPhotos.Stored s = photos.store(f);
      repository.insertPhoto(id, s.name(), s.size(), s.width(), s.height());
    }
    Optional<CaseFile> opened = Optional.empty();
    if (in.problem()) {
      CaseFile c =
          cases.open(
              newCase(grid, in),
              me.getUsername(),
              new StepInput(in.findings(), in.lat(), in.lng(), in.photos(), Optional.empty()));
      repository.setPatrolCase(id, c.id());
      opened = Optional.of(c);
    }
    Patrol p = repository.patrol(id).orElseThrow();
    audit.record(
        AuditAction.CREATE,
        ENTITY,
        id,
        messages.get("grid.audit.patrol", grid.name(), me.displayName()),
        Optional.empty(),
        Optional.of(p));
    return new CheckedIn(p, opened);
  }

  /**
   * A patrol done earlier and recorded afterwards (a paper ledger, the demo county) on behalf of a
   * member of the grid, by the system; no case is opened.
   */
  @Transactional
  public Patrol record(
      long gridId,
      long userId,
      String username,
      OffsetDateTime at,
      Optional<Double> lat,
      Optional<Double> lng,
      String findings) {
    Grid grid = grids.get(gridId);
    if (!repository.isMember(gridId, userId)) {
      throw new UserFacingException("grid.member.unknown", username);
    }
    long id = repository.insertPatrol(gridId, username, at, lat, lng, findings, false);
    Patrol p = repository.patrol(id).orElseThrow();
    audit.recordAs(
        AuditLog.SYSTEM,
        AuditAction.CREATE,
        ENTITY,
        id,
        messages.get("grid.audit.patrol", grid.name(), username),
        Optional.empty(),
        Optional.of(p));
    return p;
  }

  private void requireMember(Grid grid, QingshanPrincipal me) {
    if (!me.has(Role.GRID_MEMBER) || !repository.isMember(grid.id(), me.userId())) {
      events.publishEvent(new RecordRefused(GridService.ENTITY, Optional.of(grid.id())));
      throw new AccessDeniedException("grid " + grid.id() + " is not the user's to patrol");
    }
  }

  private void validate(PatrolInput in) {
    if (in.lat().isPresent() != in.lng().isPresent()
        || in.lat().filter(v -> !(v >= -90 && v <= 90)).isPresent()
        || in.lng().filter(v -> !(v >= -180 && v <= 180)).isPresent()) {
      throw new UserFacingException("grid.patrol.location.invalid");
    }
    if (in.findings().length() > 4000) {
      throw new UserFacingException("grid.patrol.findings.size");
    }
    if (in.problem() && in.findings().isEmpty()) {
      throw new UserFacingException("grid.patrol.findings.required");
    }
    if (in.photos().size() > settings.maxPhotos()) {
      throw new UserFacingException("grid.patrol.photos.too-many", settings.maxPhotos());
    }
    in.enterpriseId()
        .ifPresent(
            e -> {
              if (!repository.enterprisesOf(in.gridId()).contains(e)) {
                throw new UserFacingException("grid.patrol.enterprise.not-in-grid");
              }
            });
  }

  private NewCase newCase(Grid grid, PatrolInput in) {
    String text = in.findings().replaceAll("\\s+", " ");
    String title =
        messages.get(
            "grid.patrol.case-title",
            grid.name(),
            text.length() > TITLE_TEXT ? text.substring(0, TITLE_TEXT) + "…" : text);
    return new NewCase(
        title.length() > 200 ? title.substring(0, 200) : title,
        in.caseType().orElse(CaseType.OTHER),
        CaseSource.PATROL,
        Severity.MINOR,
        in.findings(),
        in.enterpriseId(),
        Optional.of(grid.name()),
        in.lat(),
        in.lng(),
        townOf(grid),
        Optional.of(grid.id()),
        Optional.empty());
  }

  /** The town or street the grid lies in: its own department's, or the nearest grid's above. */
  Optional<Long> townOf(Grid grid) {
    Map<Long, Grid> byId = grids.byId();
    Set<Long> seen = new HashSet<>();
    for (Grid at = grid; at != null && seen.add(at.id()); ) {
      Optional<Department> d = at.departmentId().flatMap(departments::find);
      if (d.isPresent()
          && (d.get().kind() == DepartmentKind.TOWN || d.get().kind() == DepartmentKind.STREET)) {
        return Optional.of(d.get().id());
      }
      at = at.parentId().map(byId::get).orElse(null);
    }
    return Optional.empty();
  }

  public PageResult<Patrol> search(PatrolSearch search, PageQuery page) {
    return repository.patrols(search, page);
  }

  public List<PatrolPhoto> photos(long patrolId) {
    return repository.photos(patrolId);
  }

  /**
   * A photo of a patrol: the bureau's readers see all, a grid member their own patrols' only
   * (another's is refused and audited).
   */
  public Optional<byte[]> photo(long photoId) {
    Optional<PatrolPhoto> p = repository.photo(photoId);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    QingshanPrincipal me = currentUser.require();
    if (me.roles().stream().noneMatch(Role::seesAllDepartments)) {
      Patrol patrol = repository.patrol(p.get().patrolId()).orElseThrow();
      if (!patrol.username().equals(me.getUsername())) {
        events.publishEvent(new RecordRefused(ENTITY, Optional.of(patrol.id())));
        throw new AccessDeniedException("patrol " + patrol.id() + " is not the user's");
      }
    }
    return photos.read(p.get());
  }
}
