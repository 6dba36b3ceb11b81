package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;
import org.qingshan.plan.Section;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.ImportLimits;
import org.qingshan.plan.common.PlanImportException;
import org.qingshan.plan.common.PlanTooLargeException;
import org.qingshan.plan.document.DocumentReader;
import org.qingshan.plan.document.SourceLine;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.indicator.IndicatorValue;
import org.qingshan.plan.project.KeyProject;
import org.qingshan.plan.target.DatedTarget;
import org.qingshan.plan.task.DepartmentAssignment;
import org.qingshan.plan.task.Task;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.Department;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.DataScope;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Plans stored as task trees and dispatched to departments: import as a draft (a correction of a
 * published plan is its next version), publish, report on a task, enter an indicator's yearly
 * value. The bureau (ADMIN, PLANNER) changes plans; a department's users see and report on the
 * tasks of published plans that name their department; every change is audited in its transaction.
 */
@Service
public class PlanDispatchService {
  /** The county's time zone: due dates and "overdue" are judged in it. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  static final String PLAN = "dispatch-plan";
  static final String TASK = "dispatch-task";
  static final String INDICATOR = "dispatch-indicator";
  static final Set<String> PLAN_TYPES = Set.of("txt", "docx", "pdf", "html", "htm");

  private static final Logger log = LoggerFactory.getLogger(PlanDispatchService.class);
  private static final List<String> MODALITIES = List.of("力争", "原则上", "鼓励", "确保");

  private final DispatchRepository repository;
  private final PlanReviewRepository review;
  private final PlanDispatchDepartments departments;
  private final DispatchEvidenceFiles evidence;
  private final DispatchCarry carry;
  private final DispatchCarryEntries entries;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Messages messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PlanDispatchService(
      DispatchRepository repository,
      PlanReviewRepository review,
      PlanDispatchDepartments departments,
      DispatchEvidenceFiles evidence,
      DispatchCarry carry,
      DispatchCarryEntries entries,
      CurrentUser currentUser,
      AuditLog audit,
      Messages messages,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.review = review;
    this.departments = departments;
    this.evidence = evidence;
    this.carry = carry;
    this.entries = entries;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.events = events;
    this.clock = clock;
  }

  /** Today in the county. */
  public LocalDate today() {
    return today(clock);
  }

  /** The county's date on {@code clock}: a deadline passes at midnight in Shanghai, not in UTC. */
  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }

  // ---- plans

  /** What an import stored: the new draft and its counts. */
  public record Imported(DispatchPlan plan, int tasks, int indicators, int projects) {}

  /**
   * Reads a plan document and stores it as a draft; with {@code replaces}, as the next version of
   * that plan. A file that is not a plan (no task and no indicator found) stores nothing.
   */
  @Transactional
  public Imported importPlan(String fileName, byte[] bytes, Optional<Long> replaces) {
    return importPlan(fileName, bytes, replaces, stage -> {});
  }

  /**
   * The file's name without its folders, once its type and size are acceptable: what an upload is
   * refused for at once, before an import job is started for it.
   */
  public String checkUpload(String fileName, byte[] bytes) {
    requireBureau(PLAN, Optional.empty());
    return acceptableName(fileName, bytes);
  }

  private static String acceptableName(String fileName, byte[] bytes) {
    String name = fileName == null || fileName.isBlank() ? "plan.txt" : fileName.strip();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!PLAN_TYPES.contains(ext)) {
      throw new UserFacingException("plandispatch.import.type", name);
    }
    if (bytes.length == 0) {
      throw new UserFacingException("plandispatch.import.empty", name);
    }
    return name;
  }

  /** As {@link #importPlan(String, byte[], Optional)}, telling {@code progress} each stage. */
  @Transactional
  public Imported importPlan(
      String fileName, byte[] bytes, Optional<Long> replaces, Consumer<PlanImportStage> progress) {
    requireBureau(PLAN, replaces);
    String name = acceptableName(fileName, bytes);
    Optional<DispatchPlan> previous =
        replaces.map(
            id ->
                repository
                    .plan(id)
                    .orElseThrow(() -> new UserFacingException("plandispatch.plan.not-found")));
    Plan plan;
    try {
      // The importer's own limits (expanded size, characters, 30 s on the server's clock).
      // Names are matched below, once the title (and so the county) is known.
      plan =
          new PlanImporter(DepartmentDirectory.none(), ImportLimits.defaults().withClock(clock))
              .importBytes(name, bytes, step -> progress.accept(PlanImportStage.of(step)));
    } catch (PlanTooLargeException e) {
      log.warn("plan upload refused at a limit: {}", e.getMessage());
      throw new UserFacingException("plandispatch.import.too-large", name, e.getMessage());
    } catch (PlanImportException e) {
      throw new UserFacingException("plandispatch.import.failed", name, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("plan {} could not be read", name, e);
      throw new UserFacingException("plandispatch.import.unreadable", name);
    }
    int taskCount = plan.tasks().size();
    // A plan names who does what, or states indicators; a letter or a notice does neither (the
    // importer reads any prose as unassigned tasks).
    if (plan.indicators().isEmpty() && plan.tasks().stream().allMatch(Task::unassigned)) {
      throw new UserFacingException("plandispatch.import.not-a-plan", name);
    }
    String title = plan.title().isBlank() ? name : DispatchRepository.cut(plan.title(), 500);
    progress.accept(PlanImportStage.DEPARTMENTS);
    DepartmentDirectory directory = departments.directoryFor(title);
    progress.accept(PlanImportStage.SAVING);
    int version =
        previous
            .map(
                p ->
                    repository.versions(p.seriesId()).stream()
                            .mapToInt(DispatchPlan::version)
                            .max()
                            .orElse(p.version())
                        + 1)
            .orElse(1);
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id =
        repository.insertPlan(
            previous.map(DispatchPlan::seriesId),
            version,
            title,
            DispatchRepository.cut(name, 255),
            plan.period().map(p -> p.from()),
            plan.period().map(p -> p.to()),
            actor(),
            now);
    int[] position = {0};
    for (Section s : plan.sections()) {
      storeSection(id, Optional.empty(), s, 0, position, directory);
    }
    int n = 0;
    for (IndicatorTarget i : plan.indicators()) {
      repository.insertIndicator(id, n++, indicator(i));
    }
    n = 0;
    for (KeyProject p : plan.keyProjects()) {
      repository.insertProject(id, n++, p.name(), p.content(), p.investment(), p.line());
    }
    // The review page shows each task beside its source lines: keep the text the importer read.
    List<String> source = sourceLines(name, bytes);
    review.setSource(id, String.join("\n", source));
    review.setLineEnds(id, source.size());
    DispatchPlan stored = repository.plan(id).orElseThrow();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("file", name);
    state.put("bytes", bytes.length);
    state.put("title", title);
    state.put("version", version);
    state.put("tasks", taskCount);
    state.put("indicators", plan.indicators().size());
    state.put("projects", plan.keyProjects().size());
    audit.record(
        AuditAction.IMPORT,
        PLAN,
        id,
        messages.get("plandispatch.audit.import", title, version, taskCount),
        Optional.empty(),
        Optional.of(state));
    log.info("plan {} stored as draft {} (version {}): {} tasks", name, id, version, taskCount);
    return new Imported(stored, taskCount, plan.indicators().size(), plan.keyProjects().size());
  }

  /** The document's lines as the importer numbers them (1-based: line n is element n - 1). */
  private List<String> sourceLines(String name, byte[] bytes) {
    try {
      List<String> lines = new ArrayList<>();
      for (SourceLine l :
          DocumentReader.read(
                  name, bytes, ImportBudget.start(ImportLimits.defaults().withClock(clock)))
              .lines()) {
        while (lines.size() < l.number() - 1) {
          lines.add("");
        }
        lines.add(l.text());
      }
      return lines;
    } catch (PlanImportException | RuntimeException e) {
      // Already read once by the importer: a second failure only loses the side-by-side view.
      log.warn("source text of {} not kept: {}", name, e.toString());
      return List.of();
    }
  }

  private void storeSection(
      long planId,
      Optional<Long> parent,
      Section section,
      int depth,
      int[] position,
      DepartmentDirectory directory) {
    long id =
        repository.insertTask(
            planId,
            parent,
            depth == 0 ? DispatchTaskKind.CHAPTER : DispatchTaskKind.SECTION,
            position[0]++,
            section.number().map(s -> DispatchRepository.cut(s, 40)),
            DispatchRepository.cut(section.heading(), 1000),
            "",
            section.line(),
            Optional.empty(),
            Optional.empty());
    for (Task t : section.tasks()) {
      storeTask(planId, id, DispatchTaskKind.TASK, t, position, directory);
    }
    for (Section s : section.sections()) {
      storeSection(planId, Optional.of(id), s, depth + 1, position, directory);
    }
  }

  /**
   * Stores a task and, under it, its sub-tasks (kind SUBTASK). A sub-task naming no unit of its own
   * comes from the importer with its task's units, so it is stored with them: each sub-task has
   * units of its own rows, reported on and filtered like a task.
   */
  private void storeTask(
      long planId,
      long parent,
      DispatchTaskKind kind,
      Task t,
      int[] position,
      DepartmentDirectory directory) {
    String title =
        t.title()
            .filter(s -> !s.isBlank())
            .orElseGet(() -> t.text().length() <= 40 ? t.text() : t.text().substring(0, 40) + "…");
    // The task is due when its last dated target is: 2023年底前 … 到2025年 → 2025-12-31; a task
    // broken into sub-tasks is done when they are, so theirs count too.
    Optional<LocalDate> due =
        t.withDescendants()
            .flatMap(x -> x.targets().stream())
            .map(DatedTarget::deadline)
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder());
    long id =
        repository.insertTask(
            planId,
            Optional.of(parent),
            kind,
            position[0]++,
            Optional.empty(),
            DispatchRepository.cut(title, 1000),
            DispatchRepository.cut(t.text(), 20000),
            t.line(),
            due,
            modality(t));
    Map<DispatchUnitRole, Integer> counts = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (DepartmentAssignment a : t.departments()) {
      DispatchUnitRole role = DispatchUnitRole.valueOf(a.role().name());
      if (!seen.add(role + "|" + a.name())) {
        continue;
      }
      int pos = counts.merge(role, 1, Integer::sum);
      repository.insertUnit(
          id,
          role,
          pos,
          DispatchRepository.cut(a.name(), 200),
          a.departmentId().or(() -> directory.resolve(a.name())).map(Long::parseLong));
    }
    int n = 0;
    for (DatedTarget target : t.targets()) {
      repository.insertTarget(
          id,
          n++,
          target.text(),
          target.metric(),
          target.comparator(),
          target.value(),
          target.unit(),
          target.deadline(),
          target.recurring(),
          target.assigned());
    }
    for (Task sub : t.subTasks()) {
      storeTask(planId, id, DispatchTaskKind.SUBTASK, sub, position, directory);
    }
  }

  /** 力争, 原则上 … as the importer puts it before a comparator, else as the text says it. */
  private static Optional<String> modality(Task t) {
    for (DatedTarget target : t.targets()) {
      Optional<String> m =
          target.comparator().flatMap(c -> MODALITIES.stream().filter(c::startsWith).findFirst());
      if (m.isPresent()) {
        return m;
      }
    }
    return MODALITIES.stream().filter(t.text()::contains).findFirst();
  }

  private static DispatchIndicator indicator(IndicatorTarget i) {
    return new DispatchIndicator(
        0,
        0,
        i.no(),
        i.category(),
        i.name(),
        i.unit(),
        i.baseline().map(IndicatorValue::written),
        i.baseline().flatMap(IndicatorValue::year),
        i.target().map(IndicatorValue::written),
        i.target().flatMap(IndicatorValue::year),
        i.attribute(),
        i.targetKind().name().toLowerCase(Locale.ROOT),
        List.of());
  }

  /** Plans the user may see: the bureau all versions, departments the published ones. */
  public List<DispatchPlan> plans() {
    return repository.plans(!seesDrafts());
  }

  /** A plan the user may see; a draft is unknown to a department's users. */
  public DispatchPlan plan(long id) {
    return repository
        .plan(id)
        .filter(p -> p.published() || seesDrafts())
        .orElseThrow(() -> new UserFacingException("plandispatch.plan.not-found"));
  }

  public List<DispatchPlan> versions(DispatchPlan plan) {
    return repository.versions(plan.seriesId()).stream()
        .filter(p -> p.published() || seesDrafts())
        .toList();
  }

  public List<DispatchIndicator> indicators(long planId) {
    return repository.indicators(plan(planId).id());
  }

  public List<DispatchRepository.Project> projects(long planId) {
    return repository.projects(plan(planId).id());
  }

  /**
   * Publishes a draft: its tasks reach the departments; an earlier published version is kept as
   * superseded, and each of its tasks' status and reports (with their figures and evidence files)
   * follow to the matching task of the new version, a merged task's to the task it was merged into
   * ({@link DispatchCarry}), so a correction does not erase what the departments reported; so do
   * the indicator values and key projects' progress and milestones entered on it while the draft
   * was open ({@link DispatchCarryEntries}), and its reporting schedule when the draft has none.
   * Other features carry their state per task on {@link PlanVersionPublished}. The audit entry
   * tells what was carried.
   */
  @Transactional
  public DispatchPlan publish(long id) {
    DispatchPlan p =
        repository
            .plan(id)
            .orElseThrow(() -> new UserFacingException("plandispatch.plan.not-found"));
    requireBureau(PLAN, Optional.of(id));
    if (p.status() != DispatchPlanStatus.DRAFT) {
      throw new UserFacingException("plandispatch.plan.not-draft");
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", DispatchPlanStatus.PUBLISHED.code());
    String description = messages.get("plandispatch.audit.publish", p.title(), p.version());
    for (DispatchPlan other : repository.versions(p.seriesId())) {
      if (other.id() != id && other.published()) {
        repository.setStatus(other.id(), DispatchPlanStatus.SUPERSEDED);
        DispatchCarry.Carried carried = carry.carry(other.id(), id);
        DispatchCarryEntries.Entries entered = entries.carry(other.id(), id, p.createdAt());
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("plan", other.id());
        from.put("version", other.version());
        from.put("tasks", carried.tasks());
        from.put("reports", carried.reports());
        from.put("figures", carried.figures());
        from.put("files", carried.files());
        from.put("droppedFigures", carried.droppedFigures());
        from.put("mergedTasks", carried.mergedTasks());
        from.put("mergedReports", carried.mergedReports());
        from.put("values", entered.values());
        from.put("projects", entered.projects());
        from.put("milestones", entered.milestones());
        // the schedule is not part of the plan's text: a replacement file sets none
        Optional<DispatchSchedule> schedule = review.schedule(other.id());
        if (review.schedule(id).isEmpty() && schedule.isPresent()) {
          review.setSchedule(id, schedule);
          from.put("schedule", schedule.get().name());
        }
        after.put("carried", from);
        description =
            messages.get(
                "plandispatch.audit.publish-carried",
                p.title(),
                p.version(),
                other.version(),
                carried.tasks(),
                carried.reports());
        if (carried.mergedReports() > 0) {
          description +=
              messages.get(
                  "plandispatch.audit.publish-merged",
                  carried.mergedTasks(),
                  carried.mergedReports());
        }
        if (!entered.isEmpty()) {
          description +=
              messages.get(
                  "plandispatch.audit.publish-entries",
                  other.version(),
                  entered.values().size(),
                  entered.projects().size(),
                  entered.milestones().size());
        }
        events.publishEvent(new PlanVersionPublished(other.id(), id, carried.descendants()));
        log.info(
            "plan {} version {} supersedes version {}: {} tasks, {} reports carried, {} reports"
                + " of {} merged tasks, {} values, {} projects, {} milestones",
            p.seriesId(),
            p.version(),
            other.version(),
            carried.tasks(),
            carried.reports(),
            carried.mergedReports(),
            carried.mergedTasks(),
            entered.values().size(),
            entered.projects().size(),
            entered.milestones().size());
      }
    }
    repository.publish(id, actor(), OffsetDateTime.now(clock));
    audit.record(
        AuditAction.UPDATE,
        PLAN,
        id,
        description,
        Optional.of(Map.of("status", p.status().code())),
        Optional.of(after));
    return repository.plan(id).orElseThrow();
  }

  // ---- tasks

  /**
   * The tasks of a plan (tree nodes other than tasks left out), of one department when asked; a
   * department's user gets their own department's tasks whatever they ask.
   */
  public List<DispatchTask> tasks(long planId, Optional<String> department) {
    DispatchPlan p = plan(planId);
    DataScope scope = currentUser.scope();
    // A department's user gets their own department's tasks, whatever department they name.
    Optional<Set<Long>> asked =
        department
            .filter(d -> !d.isBlank() && scope.all())
            .map(
                d ->
                    departments
                        .find(d)
                        .map(Department::id)
                        .map(Set::of)
                        .orElseThrow(
                            () -> new UserFacingException("plandispatch.department.unknown", d)));
    return repository.tasks(p.id()).stream()
        .filter(DispatchTask::isTask)
        .filter(t -> scope.all() || t.roleOf(scope.departmentIds(), false).isPresent())
        .filter(t -> asked.isEmpty() || t.roleOf(asked.get(), false).isPresent())
        .toList();
  }

  /** The whole tree of a plan as the user may see it (a department's user: their tasks only). */
  public List<DispatchTask> tree(long planId) {
    DispatchPlan p = plan(planId);
    DataScope scope = currentUser.scope();
    return repository.tasks(p.id()).stream()
        .filter(
            t -> !t.isTask() || scope.all() || t.roleOf(scope.departmentIds(), false).isPresent())
        .toList();
  }

  /** The tasks of published plans that name the user's department (a liaison's 我的任务). */
  public List<DispatchTask> myTasks() {
    DataScope scope = currentUser.scope();
    Set<Long> mine =
        scope.all()
            ? currentUser.require().departmentId().map(Set::of).orElse(Set.of())
            : scope.departmentIds();
    List<DispatchTask> tasks = new ArrayList<>();
    for (long id : repository.taskIdsOf(mine)) {
      repository.task(id).ifPresent(tasks::add);
    }
    return tasks;
  }

  /**
   * The task each sub-task among {@code tasks} belongs to, by the sub-task's id: its title, shown
   * beside the sub-task where the list does not show the task itself (我的任务 of a department named on
   * the sub-task only).
   */
  public Map<Long, DispatchTask> parentTasks(List<DispatchTask> tasks) {
    Map<Long, DispatchTask> parents = new LinkedHashMap<>();
    Map<Long, Optional<DispatchTask>> loaded = new LinkedHashMap<>();
    for (DispatchTask t : tasks) {
      if (t.isSubTask() && t.parentId().isPresent()) {
        loaded
            .computeIfAbsent(t.parentId().get(), repository::task)
            .filter(DispatchTask::isTask)
            .ifPresent(p -> parents.put(t.id(), p));
      }
    }
    return parents;
  }

  /** The sub-tasks of a task the user may see, in document order. */
  public List<DispatchTask> subTasks(DispatchTask task) {
    DataScope scope = currentUser.scope();
    return repository.tasks(task.planId()).stream()
        .filter(t -> t.isSubTask() && t.parentId().filter(p -> p == task.id()).isPresent())
        .filter(t -> scope.all() || t.roleOf(scope.departmentIds(), false).isPresent())
        .toList();
  }

  /** A task the user may see, else refused (403) and audited. */
  public DispatchTask task(long id) {
    DispatchTask t =
        repository
            .task(id)
            .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    repository
        .plan(t.planId())
        .filter(x -> x.published() || seesDrafts())
        .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    DataScope scope = currentUser.scope();
    if (!scope.all() && t.roleOf(scope.departmentIds(), false).isEmpty()) {
      refuse(TASK, id);
    }
    return t;
  }

  public List<DispatchProgress> progress(long taskId) {
    return repository.progress(task(taskId).id());
  }

  public Optional<DispatchEvidenceFiles.Checked> evidenceFile(long taskId, long evidenceId) {
    task(taskId);
    return repository
        .evidence(taskId, evidenceId)
        .flatMap(
            e ->
                evidence
                    .read(e.storedName())
                    .map(b -> new DispatchEvidenceFiles.Checked(e.fileName(), e.contentType(), b)));
  }

  /** Whether the user may report on the task: a unit it names, or the bureau. */
  public boolean mayReport(DispatchTask t) {
    return t.isTask() && (ownRole(t).isPresent() || bureau());
  }

  /** The role of the user's own department on the task, if the task names it. */
  private Optional<DispatchUnitRole> ownRole(DispatchTask t) {
    QingshanPrincipal user = currentUser.require();
    DataScope scope = currentUser.scope();
    return scope.all()
        ? t.roleOf(user.departmentId().map(Set::of).orElse(Set.of()), false)
        : t.roleOf(scope.departmentIds(), false);
  }

  private boolean bureau() {
    QingshanPrincipal user = currentUser.require();
    return user.has(Role.ADMIN) || user.has(Role.PLANNER);
  }

  /**
   * The departments the bureau may report for (代报) on a task that does not name the bureau: the
   * units the task names that resolved to a department, the lead first, each once. Empty for anyone
   * else, and where the task names the user's own department (they report as themselves).
   */
  public List<DispatchUnit> proxyUnits(DispatchTask t) {
    if (!t.isTask() || !bureau() || ownRole(t).isPresent()) {
      return List.of();
    }
    return orderedUnits(t);
  }

  private static List<DispatchUnit> orderedUnits(DispatchTask t) {
    Map<Long, DispatchUnit> byDepartment = new LinkedHashMap<>();
    for (DispatchUnitRole role :
        List.of(DispatchUnitRole.LEAD, DispatchUnitRole.RESPONSIBLE, DispatchUnitRole.SUPPORT)) {
      t.units().stream()
          .filter(u -> u.role() == role && u.departmentId().isPresent())
          .forEach(u -> byDepartment.putIfAbsent(u.departmentId().get(), u));
    }
    return List.copyOf(byDepartment.values());
  }

  /**
   * Who a report is: the department, its role on the task, and, for a 代报, the bureau's department
   * that made it.
   */
  private record Reporter(
      Optional<Long> department,
      DispatchUnitRole role,
      boolean proxy,
      Optional<Long> proxyDepartment) {}

  /**
   * The department a report on the task is for. A department the task names reports as itself
   * (asking for another department is refused). The bureau, where the task does not name it,
   * reports for one of the departments the task names (代报; {@code forDepartment} its id or name, by
   * default the lead); only where the task reaches no department does its report stand as the
   * bureau's own. Empty: the user may not report on the task.
   */
  private Optional<Reporter> reporter(DispatchTask t, Optional<String> forDepartment) {
    QingshanPrincipal user = currentUser.require();
    DataScope scope = currentUser.scope();
    Optional<DispatchUnitRole> own = ownRole(t);
    Optional<String> wanted = forDepartment.map(String::strip).filter(x -> !x.isEmpty());
    Optional<DispatchUnit> chosen = wanted.map(w -> unitFor(t, w));
    Set<Long> mine =
        scope.all() ? user.departmentId().map(Set::of).orElse(Set.of()) : scope.departmentIds();
    boolean forOwn = chosen.flatMap(DispatchUnit::departmentId).map(mine::contains).orElse(true);
    if (own.isPresent() && forOwn) {
      Optional<Long> department =
          scope.all()
              ? user.departmentId()
              : t.units().stream()
                  .map(DispatchUnit::departmentId)
                  .flatMap(Optional::stream)
                  .filter(scope.departmentIds()::contains)
                  .findFirst();
      return Optional.of(new Reporter(department, own.get(), false, Optional.empty()));
    }
    if (!bureau()) {
      return Optional.empty();
    }
    Optional<DispatchUnit> unit = chosen.or(() -> orderedUnits(t).stream().findFirst());
    if (unit.isEmpty()) {
      // The task reaches no department: the bureau's report is its own, as the task's report.
      return Optional.of(
          new Reporter(user.departmentId(), DispatchUnitRole.LEAD, false, Optional.empty()));
    }
    return Optional.of(
        new Reporter(unit.get().departmentId(), unit.get().role(), true, user.departmentId()));
  }

  /** The unit of the task that {@code wanted} (a department's id or name) names, else refused. */
  private static DispatchUnit unitFor(DispatchTask t, String wanted) {
    return orderedUnits(t).stream()
        .filter(
            u ->
                u.departmentId().map(String::valueOf).filter(wanted::equals).isPresent()
                    || u.shown().equals(wanted)
                    || u.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new UserFacingException("plandispatch.proxy.unknown", wanted));
  }

  /** The task's dated targets with the figures its reports gave, for a user who may see it. */
  public List<DispatchTarget> targets(long taskId) {
    DispatchTask t = task(taskId);
    return repository.planTargets(t.planId()).stream().filter(x -> x.taskId() == t.id()).toList();
  }

  /**
   * Every dated target of a plan's tasks with the figures reported for it (the bureau's dashboard
   * and evaluation read it; the plan must be one the user may see).
   */
  public List<DispatchTarget> planTargets(long planId) {
    return repository.planTargets(plan(planId).id());
  }

  /**
   * Whether the user's report on the task (a 代报 for its lead, by default) is the task's report,
   * which carries its figures.
   */
  public boolean reportCarriesFigures(DispatchTask t) {
    return reporter(t, Optional.empty()).map(r -> setsStatus(t, r)).orElse(false);
  }

  /**
   * Whether the report sets the task's status: the lead's (the responsible units' where none
   * leads); the bureau's own report when the task names it; never a supporting department's,
   * reported by itself or by the bureau.
   */
  private boolean setsStatus(DispatchTask t, Reporter r) {
    if (t.reportSetsStatus(r.role())) {
      return true;
    }
    return !r.proxy() && bureau() && currentUser.scope().all();
  }

  /** A figure as the form or the API gives it: the number as typed and an optional note. */
  public record FigureInput(String value, String note) {
    private static final Pattern NAME = Pattern.compile("figure\\.(\\d{1,4})(\\.note)?");

    /**
     * The figures among a request's fields: {@code figure.<targetPosition>} the number, {@code
     * figure.<targetPosition>.note} its note; other fields are not figures.
     */
    public static Map<Integer, FigureInput> of(Map<String, String> fields) {
      Map<Integer, String[]> found = new TreeMap<>();
      fields.forEach(
          (k, v) -> {
            Matcher m = NAME.matcher(k);
            if (m.matches()) {
              String[] pair =
                  found.computeIfAbsent(Integer.parseInt(m.group(1)), x -> new String[2]);
              pair[m.group(2) == null ? 0 : 1] = v;
            }
          });
      Map<Integer, FigureInput> out = new LinkedHashMap<>();
      found.forEach((pos, pair) -> out.put(pos, new FigureInput(pair[0], pair[1])));
      return out;
    }
  }

  /** A report without figures (see the full form). */
  @Transactional
  public DispatchProgress report(
      long taskId,
      DispatchTaskStatus status,
      String text,
      List<MultipartFile> files,
      Optional<Integer> version) {
    return report(taskId, status, text, files, Map.of(), version);
  }

  /**
   * A department's report on a task. The lead department's report (or the responsible units' when
   * none leads) sets the task's status; a supporting department's is attached to it. Only units the
   * task names, and the bureau, report; anyone else is refused and audited. With {@code version}, a
   * report made from a task someone changed since is refused (409): the user sees the other report
   * first, and nothing is overwritten.
   */
  @Transactional
  public DispatchProgress report(
      long taskId,
      DispatchTaskStatus status,
      String text,
      List<MultipartFile> files,
      Map<Integer, FigureInput> figures,
      Optional<Integer> version) {
    return report(taskId, status, text, files, figures, version, Optional.empty());
  }

  /**
   * A report as above; {@code forDepartment} (a department's id or name), for the bureau on a task
   * that does not name it: the department the task names it reports for (代报; by default the lead).
   * The report is that department's, with its role: a 代报 for a supporting department does not set
   * the task's status.
   */
  @Transactional
  public DispatchProgress report(
      long taskId,
      DispatchTaskStatus status,
      String text,
      List<MultipartFile> files,
      Map<Integer, FigureInput> figures,
      Optional<Integer> version,
      Optional<String> forDepartment) {
    DispatchTask t =
        repository
            .task(taskId)
            .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    DispatchPlan p =
        repository
            .plan(t.planId())
            .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    QingshanPrincipal user = currentUser.require();
    if (!t.isTask()) {
      refuse(TASK, taskId);
    }
    Optional<Reporter> reporter = reporter(t, forDepartment);
    if (reporter.isEmpty()) {
      refuse(TASK, taskId);
    }
    Optional<DispatchUnitRole> role = reporter.map(Reporter::role);
    if (!p.published()) {
      throw new UserFacingException("plandispatch.task.not-published");
    }
    if (!t.isTask()) {
      throw new UserFacingException("plandispatch.task.not-found");
    }
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new UserFacingException("plandispatch.progress.text.required");
    }
    if (body.length() > 4000) {
      throw new UserFacingException("plandispatch.progress.text.size", 4000);
    }
    boolean sets = setsStatus(t, reporter.get());
    Map<DispatchTarget, DispatchProgress.Figure> given =
        figures(t, sets, figures == null ? Map.of() : figures);
    List<DispatchEvidenceFiles.Checked> checked = evidence.check(files == null ? List.of() : files);
    OffsetDateTime now = OffsetDateTime.now(clock);
    int seen = version.orElse(t.version());
    boolean saved =
        sets
            ? repository.updateStatus(taskId, status, seen, now)
            : repository.touch(taskId, seen, now);
    if (!saved) {
      throw new UserFacingException("plandispatch.progress.stale");
    }
    Optional<Long> department = reporter.get().department();
    long id =
        repository.insertProgress(
            taskId,
            department,
            role.get(),
            status,
            body,
            user.getUsername(),
            reporter.get().proxyDepartment(),
            now);
    for (DispatchEvidenceFiles.Checked f : checked) {
      repository.insertEvidence(
          id, f.fileName(), evidence.store(f), f.contentType(), f.content().length);
    }
    Map<String, Object> written = new LinkedHashMap<>();
    given.forEach(
        (target, f) -> {
          repository.insertFigure(id, f.targetPosition(), f.amount(), f.note());
          written.put(target.label(), target.written(f.amount(), f.note()));
        });
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", status.code());
    if (!written.isEmpty()) {
      after.put("figures", written);
    }
    after.put("role", role.get().name());
    if (reporter.get().proxy()) {
      after.put(
          "proxyFor",
          t.units().stream()
              .filter(u -> u.departmentId().equals(department))
              .map(DispatchUnit::shown)
              .findFirst()
              .orElse(""));
    }
    after.put("text", body);
    after.put("files", checked.stream().map(DispatchEvidenceFiles.Checked::fileName).toList());
    audit.record(
        AuditAction.CREATE,
        TASK,
        taskId,
        reporter.get().proxy()
            ? messages.get(
                "plandispatch.audit.proxy",
                t.title(),
                messages.label(status),
                after.get("proxyFor"))
            : messages.get("plandispatch.audit.progress", t.title(), messages.label(status)),
        Optional.of(Map.of("status", t.status().code(), "version", t.version())),
        Optional.of(after));
    return repository.progress(taskId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
  }

  /**
   * The figures of a report checked against the task's targets: each names a target that states a
   * value, holds a number (a note alone is not a figure) and a note of at most 500 characters; only
   * the report that is the task's report gives figures. Blank entries are left out.
   */
  private Map<DispatchTarget, DispatchProgress.Figure> figures(
      DispatchTask t, boolean sets, Map<Integer, FigureInput> inputs) {
    Map<Integer, DispatchTarget> targets = new LinkedHashMap<>();
    repository.targets(t.id()).forEach(x -> targets.put(x.position(), x));
    Map<DispatchTarget, DispatchProgress.Figure> out = new LinkedHashMap<>();
    for (Map.Entry<Integer, FigureInput> e : new TreeMap<>(inputs).entrySet()) {
      String value = e.getValue().value() == null ? "" : e.getValue().value().strip();
      String note = e.getValue().note() == null ? "" : e.getValue().note().strip();
      if (value.isEmpty() && note.isEmpty()) {
        continue;
      }
      if (!sets) {
        throw new UserFacingException("plandispatch.figure.lead-only");
      }
      DispatchTarget target = targets.get(e.getKey());
      if (target == null || !target.measurable()) {
        throw new UserFacingException("plandispatch.figure.unknown-target", e.getKey());
      }
      if (value.isEmpty()) {
        throw new UserFacingException("plandispatch.figure.required", target.label());
      }
      BigDecimal amount =
          FigureAmount.parse(value)
              .orElseThrow(
                  () ->
                      new UserFacingException("plandispatch.figure.number", target.label(), value));
      if (note.length() > 500) {
        throw new UserFacingException("plandispatch.figure.note.size", target.label(), 500);
      }
      out.put(
          target,
          new DispatchProgress.Figure(
              target.position(), amount, Optional.of(note).filter(n -> !n.isEmpty())));
    }
    return out;
  }

  // ---- indicators

  /** Sets an indicator's value for a year with its source (the bureau only). */
  @Transactional
  public DispatchIndicator putValue(
      long planId, String no, Integer year, BigDecimal value, String source) {
    requireBureau(INDICATOR, Optional.empty());
    DispatchPlan p = plan(planId);
    DispatchIndicator i =
        repository.indicators(p.id()).stream()
            .filter(x -> x.no().equals(no))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandispatch.indicator.not-found", no));
    if (year == null || year < 1990 || year > 2100) {
      throw new UserFacingException("plandispatch.value.year.invalid");
    }
    if (value == null) {
      throw new UserFacingException("plandispatch.value.required");
    }
    String from = source == null ? "" : source.strip();
    if (from.isEmpty()) {
      throw new UserFacingException("plandispatch.value.source");
    }
    Optional<DispatchIndicator.Value> before = i.valueOf(year);
    repository.putValue(
        i.id(), year, value, DispatchRepository.cut(from, 500), actor(), OffsetDateTime.now(clock));
    audit.record(
        before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
        INDICATOR,
        i.id(),
        messages.get("plandispatch.audit.value", i.name(), year, value.toPlainString()),
        before.map(v -> Map.of("value", v.value().toPlainString(), "source", v.source())),
        Optional.of(Map.of("year", year, "value", value.toPlainString(), "source", from)));
    return repository.indicators(p.id()).stream()
        .filter(x -> x.id() == i.id())
        .findFirst()
        .orElseThrow();
  }

  // ---- who

  private boolean seesDrafts() {
    return currentUser
        .principal()
        .map(u -> u.roles().stream().anyMatch(Role::seesAllDepartments))
        .orElse(true);
  }

  private void requireBureau(String entity, Optional<Long> id) {
    Optional<QingshanPrincipal> user = currentUser.principal();
    if (user.isPresent() && !user.get().has(Role.ADMIN) && !user.get().has(Role.PLANNER)) {
      events.publishEvent(new RecordRefused(entity, id));
      throw new AccessDeniedException(entity + " changes are for planners");
    }
  }

  private void refuse(String entity, long id) {
    events.publishEvent(new RecordRefused(entity, Optional.of(id)));
    throw new AccessDeniedException(entity + " " + id + " is outside the data scope");
  }

  private String actor() {
    return currentUser.principal().map(QingshanPrincipal::getUsername).orElse(AuditLog.SYSTEM);
  }
}
