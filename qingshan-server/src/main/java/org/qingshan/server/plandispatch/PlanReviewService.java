package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.DataScope;
import org.qingshan.server.security.QingshanPrincipal;
import org.qingshan.server.security.RecordRefused;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of a draft against its source text and the planner's corrections (task text and
 * boundaries, units and roles, due dates, indicator values, template placeholders); a published
 * plan is revised as a new draft version. Also the reporting schedule and key projects' progress.
 * Every change is audited and listed among the version's corrections.
 */
@Service
public class PlanReviewService {
  static final String PROJECT = "dispatch-project";

  /** Template placeholders a county fills in: 【县名】, XX县, ×× … */
  static final Pattern PLACEHOLDER =
      Pattern.compile("【[^】\\n]{1,20}】|[XxＸ]{2,}[县市区镇乡]?|[×＊*]{2,}[县市区镇乡]?");

  private final DispatchRepository plans;
  private final PlanReviewRepository review;
  private final PlanDispatchService dispatch;
  private final DepartmentService departments;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Messages messages;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PlanReviewService(
      DispatchRepository plans,
      PlanReviewRepository review,
      PlanDispatchService dispatch,
      DepartmentService departments,
      CurrentUser currentUser,
      AuditLog audit,
      Messages messages,
      ApplicationEventPublisher events,
      Clock clock) {
    this.plans = plans;
    this.review = review;
    this.dispatch = dispatch;
    this.departments = departments;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.events = events;
    this.clock = clock;
  }

  // ---- reading

  /** The source text's lines (empty when the plan predates stored sources). */
  public List<String> sourceLines(long planId) {
    DispatchPlan p = dispatch.plan(planId);
    return review.source(p.id()).map(s -> List.of(s.split("\\R", -1))).orElse(List.of());
  }

  /** Each node's last source line. */
  public Map<Long, Integer> lineEnds(long planId) {
    return review.lineEnds(dispatch.plan(planId).id());
  }

  public List<PlanReviewRepository.Correction> history(long planId) {
    return review.corrections(dispatch.plan(planId).seriesId());
  }

  /** The placeholders left in a plan's title and tasks, each once, in order of appearance. */
  public List<String> placeholders(long planId) {
    DispatchPlan p = dispatch.plan(planId);
    Set<String> found = new LinkedHashSet<>();
    collect(p.title(), found);
    for (DispatchTask t : plans.tasks(p.id())) {
      collect(t.title(), found);
      collect(t.text(), found);
    }
    return List.copyOf(found);
  }

  private static void collect(String s, Set<String> found) {
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      found.add(m.group());
    }
  }

  /** Unit names of a plan that no department matched. */
  public List<String> unresolved(long planId) {
    Set<String> names = new LinkedHashSet<>();
    for (DispatchTask t : plans.tasks(dispatch.plan(planId).id())) {
      t.units().stream().filter(u -> u.departmentId().isEmpty()).forEach(u -> names.add(u.name()));
    }
    return List.copyOf(names);
  }

  /**
   * The unresolved unit names of a plan with their task counts and roles, names of the same unit
   * with and without the county prefix next to each other.
   */
  public List<UnresolvedUnit> unresolvedUnits(long planId) {
    Map<String, Set<Long>> tasks = new LinkedHashMap<>();
    Map<String, Set<DispatchUnitRole>> roles = new LinkedHashMap<>();
    for (DispatchTask t : plans.tasks(dispatch.plan(planId).id())) {
      for (DispatchUnit u : t.units()) {
        if (u.departmentId().isEmpty()) {
          tasks.computeIfAbsent(u.name(), k -> new LinkedHashSet<>()).add(t.id());
          roles
              .computeIfAbsent(u.name(), k -> EnumSet.noneOf(DispatchUnitRole.class))
              .add(u.role());
        }
      }
    }
    return tasks.entrySet().stream()
        .map(
            e ->
                new UnresolvedUnit(
                    e.getKey(), e.getValue().size(), List.copyOf(roles.get(e.getKey()))))
        .sorted(Comparator.comparing(UnresolvedUnit::sortKey).thenComparing(UnresolvedUnit::name))
        .toList();
  }

  /**
   * What a planner should know before publishing the plan: units that reach no department, tasks no
   * department will see, no reporting schedule (no department is reminded). Empty: nothing stands
   * in the way. Publishing with warnings is allowed (the planner confirms on the page).
   */
  public List<String> publishWarnings(long planId) {
    DispatchPlan p = dispatch.plan(planId);
    List<String> warnings = new ArrayList<>();
    List<String> names = unresolved(p.id());
    if (!names.isEmpty()) {
      warnings.add(messages.get("plandispatch.warning.unresolved", names.size(), listed(names)));
    }
    List<String> unreached =
        plans.tasks(p.id()).stream()
            .filter(DispatchTask::isTask)
            .filter(t -> t.units().stream().allMatch(u -> u.departmentId().isEmpty()))
            .map(DispatchTask::title)
            .toList();
    if (!unreached.isEmpty()) {
      warnings.add(
          messages.get("plandispatch.warning.unreached", unreached.size(), listed(unreached)));
    }
    if (review.schedule(p.id()).isEmpty()) {
      warnings.add(messages.get("plandispatch.warning.no-schedule"));
    }
    return warnings;
  }

  /** At most ten of the names, joined; "等" when there are more. */
  private static String listed(List<String> names) {
    String shown = String.join("、", names.subList(0, Math.min(10, names.size())));
    return names.size() > 10 ? shown + "等" : shown;
  }

  public List<Department> departments() {
    return departments.tree().nodes().stream()
        .map(org.qingshan.server.department.DepartmentTree.Node::department)
        .toList();
  }

  // ---- corrections of a draft

  @Transactional
  public void editTask(long taskId, String title, String text, Optional<LocalDate> due) {
    DispatchTask t = draftTask(taskId);
    String newTitle = required(title, 1000);
    String newText = text == null ? "" : DispatchRepository.cut(text.strip(), 20000);
    review.updateTask(
        taskId, newTitle, t.isTask() ? newText : t.text(), t.isTask() ? due : t.due());
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("title", t.title());
    before.put("text", t.text());
    before.put("due", t.due().map(Object::toString).orElse(""));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("title", newTitle);
    after.put("text", newText);
    after.put("due", due.map(Object::toString).orElse(""));
    corrected(
        t.planId(),
        "task",
        messages.get("plandispatch.correction.task", t.title(), newTitle),
        PlanDispatchService.TASK,
        taskId,
        before,
        after);
  }

  /**
   * Merges a task into the task before it: text appended, units and targets joined, its sub-tasks
   * moved under it. A task merges into the task before it (not into that task's sub-tasks); a
   * sub-task into the item before it (its task or the sub-task above). The merge is recorded with
   * the task the merged one was copied from (else its title), so that on publishing its reports
   * follow to the task it became part of.
   */
  @Transactional
  public long merge(long taskId) {
    DispatchTask t = draftTask(taskId);
    List<DispatchTask> tree = plans.tasks(t.planId());
    DispatchTask previous = null;
    for (DispatchTask x : tree) {
      if (x.id() == taskId) {
        break;
      }
      previous = x.isTask() && (t.isSubTask() || !x.isSubTask()) ? x : previous;
    }
    if (previous == null || !t.isTask()) {
      throw new UserFacingException("plandispatch.review.merge.first");
    }
    Map<Long, Integer> ends = review.lineEnds(t.planId());
    String text = DispatchRepository.cut(previous.text() + t.text(), 20000);
    Optional<LocalDate> due =
        t.due().isPresent() && previous.due().map(d -> d.isBefore(t.due().get())).orElse(true)
            ? t.due()
            : previous.due();
    review.updateTask(previous.id(), previous.title(), text, due);
    review.moveUnitsAndTargets(taskId, previous.id());
    review.moveChildren(taskId, previous.id());
    // the lineage, recorded now: the merged task's reports follow on publishing (DispatchCarry)
    review.recordMerge(previous.id(), taskId, actor(), OffsetDateTime.now(clock));
    review.setLineEnd(previous.id(), Math.max(ends.get(previous.id()), ends.get(taskId)));
    review.deleteTask(taskId);
    corrected(
        t.planId(),
        "merge",
        messages.get("plandispatch.correction.merge", t.title(), previous.title()),
        PlanDispatchService.TASK,
        previous.id(),
        Map.of("merged", t.title(), "into", previous.title()),
        Map.of("text", text));
    return previous.id();
  }

  /**
   * Splits a task after its {@code sentence}-th sentence (1-based, sentences end with 。；!?): the
   * rest becomes a new task right after it with the same units.
   */
  @Transactional
  public long split(long taskId, int sentence) {
    DispatchTask t = draftTask(taskId);
    List<String> sentences = sentences(t.text());
    if (!t.isTask() || sentence < 1 || sentence >= sentences.size()) {
      throw new UserFacingException("plandispatch.review.split.where", sentences.size());
    }
    String head = String.join("", sentences.subList(0, sentence));
    String tail = String.join("", sentences.subList(sentence, sentences.size())).strip();
    review.updateTask(taskId, t.title(), head, t.due());
    // The rest comes after the task's own sub-tasks, which stay with the head.
    int after = lastPosition(plans.tasks(t.planId()), t);
    review.shiftPositions(t.planId(), after);
    String title = tail.length() <= 40 ? tail : tail.substring(0, 40) + "…";
    Map<Long, Integer> ends = review.lineEnds(t.planId());
    long id =
        plans.insertTask(
            t.planId(),
            t.parentId(),
            t.kind(),
            after + 1,
            Optional.empty(),
            title,
            tail,
            t.line(),
            Optional.empty(),
            t.modality());
    review.setLineEnd(id, ends.getOrDefault(taskId, t.line()));
    review.copyUnits(taskId, id);
    corrected(
        t.planId(),
        "split",
        messages.get("plandispatch.correction.split", t.title(), title),
        PlanDispatchService.TASK,
        taskId,
        Map.of("text", t.text()),
        Map.of("text", head, "new", tail));
    return id;
  }

  /** The position of the last node under {@code t} (its sub-tasks, theirs), else its own. */
  private static int lastPosition(List<DispatchTask> tree, DispatchTask t) {
    Set<Long> under = new LinkedHashSet<>(List.of(t.id()));
    int last = t.position();
    for (DispatchTask x : tree) {
      if (x.position() > t.position() && x.parentId().filter(under::contains).isPresent()) {
        under.add(x.id());
        last = Math.max(last, x.position());
      }
    }
    return last;
  }

  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[^。；！？!?;]+[。；！？!?;]*").matcher(text);
    while (m.find()) {
      if (!m.group().isBlank()) {
        out.add(m.group());
      }
    }
    return out;
  }

  /**
   * Adds a unit to a task in a role, resolved to a department by name or alias when one matches.
   */
  @Transactional
  public void addUnit(long taskId, DispatchUnitRole role, String name) {
    DispatchTask t = draftTask(taskId);
    String n = required(name, 200);
    if (t.units().stream().anyMatch(u -> u.role() == role && u.name().equals(n))) {
      throw new UserFacingException("plandispatch.review.unit.present", n);
    }
    Optional<Long> dept = departments.resolve(n).map(Department::id);
    List<DispatchTask> inheriting = inheriting(t);
    for (DispatchTask x : withTask(t, inheriting)) {
      plans.insertUnit(x.id(), role, review.nextUnitPosition(x.id(), role), n, dept);
    }
    corrected(
        t.planId(),
        "unit",
        messages.get("plandispatch.correction.unit-add", t.title(), n, messages.label(role)),
        PlanDispatchService.TASK,
        taskId,
        Map.of(),
        Map.of("unit", n, "role", role.name(), "subTasks", inheriting.size()));
  }

  @Transactional
  public void removeUnit(long taskId, DispatchUnitRole role, String name) {
    DispatchTask t = draftTask(taskId);
    List<DispatchTask> inheriting = inheriting(t);
    if (review.deleteUnit(taskId, role, name == null ? "" : name.strip()) == 0) {
      throw new UserFacingException("plandispatch.review.unit.absent", name);
    }
    inheriting.forEach(x -> review.deleteUnit(x.id(), role, name.strip()));
    corrected(
        t.planId(),
        "unit",
        messages.get("plandispatch.correction.unit-remove", t.title(), name, messages.label(role)),
        PlanDispatchService.TASK,
        taskId,
        Map.of("unit", name, "role", role.name()),
        Map.of("subTasks", inheriting.size()));
  }

  /** Changes the role of a unit of a task (e.g. 配合 → 牵头). */
  @Transactional
  public void changeRole(long taskId, String name, DispatchUnitRole from, DispatchUnitRole to) {
    DispatchTask t = draftTask(taskId);
    String n = name == null ? "" : name.strip();
    DispatchUnit unit =
        t.units().stream()
            .filter(u -> u.role() == from && u.name().equals(n))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandispatch.review.unit.absent", n));
    if (from == to) {
      return;
    }
    for (DispatchTask x : withTask(t, inheriting(t))) {
      review.deleteUnit(x.id(), from, n);
      if (x.units().stream().noneMatch(u -> u.role() == to && u.name().equals(n))) {
        plans.insertUnit(x.id(), to, review.nextUnitPosition(x.id(), to), n, unit.departmentId());
      }
    }
    corrected(
        t.planId(),
        "role",
        messages.get(
            "plandispatch.correction.role", t.title(), n, messages.label(from), messages.label(to)),
        PlanDispatchService.TASK,
        taskId,
        Map.of("unit", n, "role", from.name()),
        Map.of("unit", n, "role", to.name()));
  }

  /**
   * The sub-tasks under {@code t} (and theirs) that name exactly its units: they took them from the
   * task (a sub-task naming no unit of its own is stored with its task's), so a correction of the
   * task's units is made on them too. A sub-task with units of its own keeps them.
   */
  private List<DispatchTask> inheriting(DispatchTask t) {
    Set<String> units = unitKeys(t);
    Set<Long> parents = new LinkedHashSet<>(List.of(t.id()));
    List<DispatchTask> found = new ArrayList<>();
    for (DispatchTask x : plans.tasks(t.planId())) {
      if (x.isSubTask()
          && x.parentId().filter(parents::contains).isPresent()
          && unitKeys(x).equals(units)) {
        found.add(x);
        parents.add(x.id());
      }
    }
    return found;
  }

  private static Set<String> unitKeys(DispatchTask t) {
    Set<String> keys = new LinkedHashSet<>();
    t.units().forEach(u -> keys.add(u.role() + "|" + u.name()));
    return keys;
  }

  private static List<DispatchTask> withTask(DispatchTask t, List<DispatchTask> inheriting) {
    List<DispatchTask> all = new ArrayList<>(List.of(t));
    all.addAll(inheriting);
    return all;
  }

  /**
   * Resolves a unit name no department matched: every such unit of the draft gets the department,
   * and the name is recorded as the department's alias so later imports match it.
   */
  @Transactional
  public int resolve(long planId, String name, long departmentId) {
    return resolve(planId, name, departmentId, true);
  }

  /**
   * Resolves several unit names at once (the review page's table), each audited as {@link
   * #resolve(long, String, long)} does; names are recorded as aliases only when listed in {@code
   * aliases}. Returns how many units got a department.
   */
  @Transactional
  public int resolveAll(long planId, Map<String, Long> departmentsByName, Set<String> aliases) {
    return resolveAll(planId, departmentsByName, aliases, Set.of());
  }

  /**
   * As {@link #resolveAll(long, Map, Set)}, and the names in {@code toTowns} (各镇（街道）人民政府 …) go to
   * every town and street as {@link #resolveToTowns(long, String)} does.
   */
  @Transactional
  public int resolveAll(
      long planId, Map<String, Long> departmentsByName, Set<String> aliases, Set<String> toTowns) {
    if (departmentsByName.isEmpty() && toTowns.isEmpty()) {
      throw new UserFacingException("plandispatch.review.resolve.none");
    }
    int count = 0;
    for (Map.Entry<String, Long> e : departmentsByName.entrySet()) {
      count += resolve(planId, e.getKey(), e.getValue(), aliases.contains(e.getKey()));
    }
    for (String name : toTowns) {
      count += resolveToTowns(planId, name);
    }
    return count;
  }

  /** The county's towns and streets in the department tree's order. */
  public List<Department> towns() {
    return departments().stream()
        .filter(d -> d.kind() == DepartmentKind.TOWN || d.kind() == DepartmentKind.STREET)
        .toList();
  }

  /**
   * Resolves a unit name that stands for all towns and streets: in every task of the draft, the
   * unresolved unit of that name is replaced by one unit per town and street in the same role (a
   * town the task already names in that role is not added twice), so every consumer sees ordinary
   * units. No alias is recorded: a group is no department. Returns how many units were added.
   */
  @Transactional
  public int resolveToTowns(long planId, String name) {
    DispatchPlan p = draft(planId);
    String n = required(name, 200);
    List<Department> towns = towns();
    if (towns.isEmpty()) {
      throw new UserFacingException("plandispatch.review.towns.none");
    }
    int count = 0;
    for (DispatchTask t : plans.tasks(p.id())) {
      for (DispatchUnit u : t.units()) {
        if (u.departmentId().isEmpty() && u.name().equals(n)) {
          review.deleteUnit(t.id(), u.role(), n);
          Set<Long> present = new LinkedHashSet<>();
          t.units().stream()
              .filter(x -> x.role() == u.role())
              .forEach(x -> x.departmentId().ifPresent(present::add));
          for (Department d : towns) {
            if (present.add(d.id())) {
              plans.insertUnit(
                  t.id(),
                  u.role(),
                  review.nextUnitPosition(t.id(), u.role()),
                  d.name(),
                  Optional.of(d.id()));
              count++;
            }
          }
        }
      }
    }
    corrected(
        p.id(),
        "resolve",
        messages.get("plandispatch.correction.resolve-towns", n, towns.size()),
        PlanDispatchService.PLAN,
        p.id(),
        Map.of("unit", n),
        Map.of("unit", n, "towns", towns.size(), "units", count));
    return count;
  }

  private int resolve(long planId, String name, long departmentId, boolean alias) {
    DispatchPlan p = draft(planId);
    String n = required(name, 200);
    Department d =
        departments
            .find(departmentId)
            .orElseThrow(() -> new UserFacingException("plandispatch.department.unknown", name));
    if (alias && departments.resolve(n).isEmpty()) {
      departments.addAlias(d.id(), n);
    }
    int count = review.resolveUnits(p.id(), n, d.id());
    corrected(
        p.id(),
        "resolve",
        messages.get("plandispatch.correction.resolve", n, d.name(), count),
        PlanDispatchService.PLAN,
        p.id(),
        Map.of("unit", n),
        Map.of("unit", n, "department", d.name(), "units", count));
    return count;
  }

  /** Replaces a placeholder everywhere in the draft (title, task titles and texts). */
  @Transactional
  public int replacePlaceholder(long planId, String placeholder, String value) {
    DispatchPlan p = draft(planId);
    String from = required(placeholder, 200);
    String to = required(value, 200);
    int count = 0;
    if (p.title().contains(from)) {
      review.updatePlanTitle(p.id(), DispatchRepository.cut(p.title().replace(from, to), 500));
      count++;
    }
    for (DispatchTask t : plans.tasks(p.id())) {
      if (t.title().contains(from) || t.text().contains(from)) {
        review.updateTask(
            t.id(),
            DispatchRepository.cut(t.title().replace(from, to), 1000),
            DispatchRepository.cut(t.text().replace(from, to), 20000),
            t.due());
        count++;
      }
    }
    if (count == 0) {
      throw new UserFacingException("plandispatch.review.placeholder.absent", from);
    }
    corrected(
        p.id(),
        "placeholder",
        messages.get("plandispatch.correction.placeholder", from, to, count),
        PlanDispatchService.PLAN,
        p.id(),
        Map.of("placeholder", from),
        Map.of("value", to, "places", count));
    return count;
  }

  @Transactional
  public void editIndicator(
      long planId,
      String no,
      String baseline,
      Integer baselineYear,
      String target,
      Integer targetYear) {
    DispatchPlan p = draft(planId);
    DispatchIndicator i =
        plans.indicators(p.id()).stream()
            .filter(x -> x.no().equals(no))
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandispatch.indicator.not-found", no));
    for (Integer y : new Integer[] {baselineYear, targetYear}) {
      if (y != null && (y < 1990 || y > 2100)) {
        throw new UserFacingException("plandispatch.value.year.invalid");
      }
    }
    Optional<String> b = TypedText.optional(baseline, 200);
    Optional<String> t = TypedText.optional(target, 200);
    review.updateIndicator(
        i.id(), b, Optional.ofNullable(baselineYear), t, Optional.ofNullable(targetYear));
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("baseline", i.baseline().orElse(""));
    before.put("baselineYear", i.baselineYear().map(Object::toString).orElse(""));
    before.put("target", i.target().orElse(""));
    before.put("targetYear", i.targetYear().map(Object::toString).orElse(""));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("baseline", b.orElse(""));
    after.put("baselineYear", baselineYear == null ? "" : baselineYear.toString());
    after.put("target", t.orElse(""));
    after.put("targetYear", targetYear == null ? "" : targetYear.toString());
    corrected(
        p.id(),
        "indicator",
        messages.get(
            "plandispatch.correction.indicator",
            i.name(),
            b.orElse("—"),
            t.orElse("—"),
            targetYear == null ? "—" : targetYear.toString()),
        PlanDispatchService.INDICATOR,
        i.id(),
        before,
        after);
  }

  /** A new draft version copied from a published (or superseded) version, to be corrected. */
  @Transactional
  public DispatchPlan revise(long planId) {
    requireBureau(PlanDispatchService.PLAN, Optional.of(planId));
    DispatchPlan p = dispatch.plan(planId);
    if (p.status() == DispatchPlanStatus.DRAFT) {
      throw new UserFacingException("plandispatch.review.revise.draft");
    }
    int version =
        plans.versions(p.seriesId()).stream().mapToInt(DispatchPlan::version).max().orElse(1) + 1;
    long id =
        plans.insertPlan(
            Optional.of(p.seriesId()),
            version,
            p.title(),
            p.sourceFile(),
            Optional.empty(),
            Optional.empty(),
            actor(),
            OffsetDateTime.now(clock));
    review.copyContent(p.id(), id);
    audit.record(
        AuditAction.CREATE,
        PlanDispatchService.PLAN,
        id,
        messages.get("plandispatch.audit.revise", p.title(), p.version(), version),
        Optional.empty(),
        Optional.of(Map.of("from", p.id(), "version", version)));
    return plans.plan(id).orElseThrow();
  }

  // ---- schedule

  public Optional<DispatchSchedule> schedule(long planId) {
    return review.schedule(dispatch.plan(planId).id());
  }

  /** Sets how often departments report (any version: it is not part of the plan's text). */
  @Transactional
  public void setSchedule(long planId, Optional<DispatchSchedule> schedule) {
    requireBureau(PlanDispatchService.PLAN, Optional.of(planId));
    DispatchPlan p = dispatch.plan(planId);
    Optional<DispatchSchedule> before = review.schedule(p.id());
    review.setSchedule(p.id(), schedule);
    audit.record(
        AuditAction.UPDATE,
        PlanDispatchService.PLAN,
        p.id(),
        messages.get(
            "plandispatch.audit.schedule", p.title(), schedule.map(messages::label).orElse("—")),
        Optional.of(Map.of("schedule", before.map(Enum::name).orElse(""))),
        Optional.of(Map.of("schedule", schedule.map(Enum::name).orElse(""))));
  }

  /** The due date of the next report on a plan's tasks, today in the county. */
  public Optional<LocalDate> nextDue(long planId) {
    return review.schedule(planId).map(s -> s.nextDue(dispatch.today()));
  }

  /** A plan's next report due for a liaison's 我的任务. */
  public record NextReport(long planId, String title, DispatchSchedule schedule, LocalDate due) {}

  /** The next report due on each plan that holds one of {@code tasks} and has a schedule. */
  public List<NextReport> nextReports(List<DispatchTask> tasks) {
    LocalDate today = dispatch.today();
    List<NextReport> out = new ArrayList<>();
    tasks.stream()
        .map(DispatchTask::planId)
        .distinct()
        .forEach(
            id ->
                review
                    .schedule(id)
                    .ifPresent(
                        s ->
                            plans
                                .plan(id)
                                .ifPresent(
                                    p ->
                                        out.add(
                                            new NextReport(id, p.title(), s, s.nextDue(today))))));
    return out;
  }

  // ---- key projects

  public List<PlanReviewRepository.KeyProjectRow> projects(long planId) {
    return review.projects(dispatch.plan(planId).id());
  }

  public PlanReviewRepository.KeyProjectRow project(long id) {
    PlanReviewRepository.KeyProjectRow p =
        review
            .project(id)
            .orElseThrow(() -> new UserFacingException("plandispatch.project.not-found"));
    dispatch.plan(p.planId());
    return p;
  }

  /** The planner sets a project's planned investment, location and responsible department. */
  @Transactional
  public void editProject(
      long id,
      Optional<BigDecimal> investment,
      Optional<BigDecimal> latitude,
      Optional<BigDecimal> longitude,
      Optional<Long> departmentId) {
    requireBureau(PROJECT, Optional.of(id));
    PlanReviewRepository.KeyProjectRow p = project(id);
    if (latitude.isPresent() != longitude.isPresent()
        || latitude.filter(v -> v.abs().compareTo(BigDecimal.valueOf(90)) > 0).isPresent()
        || longitude.filter(v -> v.abs().compareTo(BigDecimal.valueOf(180)) > 0).isPresent()) {
      throw new UserFacingException("plandispatch.project.location");
    }
    departmentId.ifPresent(
        d ->
            departments
                .find(d)
                .orElseThrow(() -> new UserFacingException("plandispatch.department.unknown", d)));
    review.updateProject(id, investment, latitude, longitude, departmentId);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("investment", investment.map(BigDecimal::toPlainString).orElse(""));
    after.put("latitude", latitude.map(BigDecimal::toPlainString).orElse(""));
    after.put("longitude", longitude.map(BigDecimal::toPlainString).orElse(""));
    after.put("department", departmentId.map(Object::toString).orElse(""));
    audit.record(
        AuditAction.UPDATE,
        PROJECT,
        id,
        messages.get("plandispatch.audit.project", p.name()),
        Optional.of(
            Map.of(
                "investment", p.investment().map(BigDecimal::toPlainString).orElse(""),
                "department", p.departmentId().map(Object::toString).orElse(""))),
        Optional.of(after));
  }

  /**
   * Progress and actual investment of a key project: the planner, or a user of the responsible
   * department (refused with 403 and audited otherwise). A save from an older version is refused.
   */
  @Transactional
  public void reportProject(
      long id, Integer progress, Optional<BigDecimal> actual, Optional<Integer> version) {
    PlanReviewRepository.KeyProjectRow p = project(id);
    if (!mayReportProject(p)) {
      events.publishEvent(new RecordRefused(PROJECT, Optional.of(id)));
      throw new AccessDeniedException("project " + id + " is another department's");
    }
    if (progress == null || progress < 0 || progress > 100) {
      throw new UserFacingException("plandispatch.project.progress.invalid");
    }
    if (actual.filter(a -> a.signum() < 0).isPresent()) {
      throw new UserFacingException("plandispatch.project.actual.invalid");
    }
    if (!review.updateProgress(
        id, progress, actual, version.orElse(p.version()), OffsetDateTime.now(clock))) {
      throw new UserFacingException("plandispatch.progress.stale");
    }
    audit.record(
        AuditAction.UPDATE,
        PROJECT,
        id,
        messages.get("plandispatch.audit.project-progress", p.name(), progress),
        Optional.of(
            Map.of(
                "progress", p.progress().map(Object::toString).orElse(""),
                "actual", p.actualInvestment().map(BigDecimal::toPlainString).orElse(""))),
        Optional.of(
            Map.of(
                "progress", progress.toString(),
                "actual", actual.map(BigDecimal::toPlainString).orElse(""))));
  }

  public boolean mayReportProject(PlanReviewRepository.KeyProjectRow p) {
    QingshanPrincipal user = currentUser.require();
    if (user.has(Role.ADMIN) || user.has(Role.PLANNER)) {
      return true;
    }
    DataScope scope = currentUser.scope();
    Set<Long> mine =
        scope.all() ? user.departmentId().map(Set::of).orElse(Set.of()) : scope.departmentIds();
    return p.departmentId().map(mine::contains).orElse(false);
  }

  @Transactional
  public void addMilestone(long projectId, String name, Optional<LocalDate> due) {
    requireBureau(PROJECT, Optional.of(projectId));
    PlanReviewRepository.KeyProjectRow p = project(projectId);
    String n = required(name, 500);
    review.insertMilestone(projectId, n, due);
    audit.record(
        AuditAction.CREATE,
        PROJECT,
        projectId,
        messages.get("plandispatch.audit.milestone", p.name(), n),
        Optional.empty(),
        Optional.of(Map.of("milestone", n, "due", due.map(Object::toString).orElse(""))));
  }

  @Transactional
  public void milestoneDone(long projectId, long milestoneId, Optional<LocalDate> done) {
    PlanReviewRepository.KeyProjectRow p = project(projectId);
    if (!mayReportProject(p)) {
      events.publishEvent(new RecordRefused(PROJECT, Optional.of(projectId)));
      throw new AccessDeniedException("project " + projectId + " is another department's");
    }
    if (review.milestoneDone(projectId, milestoneId, done, OffsetDateTime.now(clock)) == 0) {
      throw new UserFacingException("plandispatch.project.not-found");
    }
    audit.record(
        AuditAction.UPDATE,
        PROJECT,
        projectId,
        messages.get("plandispatch.audit.milestone-done", p.name()),
        Optional.empty(),
        Optional.of(
            Map.of("milestone", milestoneId, "done", done.map(Object::toString).orElse(""))));
  }

  // ---- helpers

  /** The comparators a corrected target may take (the importer's, 力争/原则上 kept apart). */
  public static final List<String> COMPARATORS = List.of("≥", "≤", ">", "<", "=", "≈", "减少", "增长");

  /**
   * Corrects a dated target of a draft's task: what it measures, its comparator (a 力争/原则上 in front
   * kept), value and unit, and deadline; a comparator goes with a value. A task due on its last
   * target's deadline follows the corrected deadlines.
   */
  @Transactional
  public void editTarget(
      long taskId,
      int position,
      String metric,
      String comparator,
      Optional<BigDecimal> value,
      String unit,
      Optional<LocalDate> deadline) {
    DispatchTask t = draftTask(taskId);
    List<DispatchTarget> targets = plans.targets(taskId);
    DispatchTarget g =
        targets.stream()
            .filter(x -> x.position() == position)
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandispatch.target.not-found"));
    Optional<String> plain = TypedText.optional(comparator, 20);
    if (plain.isPresent() && !COMPARATORS.contains(plain.get())) {
      throw new UserFacingException("plandispatch.target.comparator", plain.get());
    }
    if (plain.isPresent() != value.isPresent()) {
      throw new UserFacingException("plandispatch.target.pair");
    }
    if (value.isPresent() && value.get().abs().compareTo(new BigDecimal("1E14")) >= 0) {
      throw new UserFacingException("plandispatch.target.value.size", value.get().toPlainString());
    }
    String hedge =
        g.comparator()
            .map(c -> g.plainComparator().map(p -> c.substring(0, c.indexOf(p))).orElse(c))
            .orElse("");
    Optional<String> newComparator =
        plain.map(c -> hedge + c).or(() -> Optional.of(hedge).filter(h -> !h.isEmpty()));
    Optional<String> newMetric = TypedText.optional(metric, 200);
    Optional<String> newUnit = TypedText.optional(unit, 40);
    review.updateTarget(taskId, position, newMetric, newComparator, value, newUnit, deadline);
    Optional<LocalDate> lastBefore =
        targets.stream()
            .map(DispatchTarget::deadline)
            .flatMap(Optional::stream)
            .max(LocalDate::compareTo);
    if (t.due().equals(lastBefore)) {
      Optional<LocalDate> lastAfter =
          plans.targets(taskId).stream()
              .map(DispatchTarget::deadline)
              .flatMap(Optional::stream)
              .max(LocalDate::compareTo);
      review.updateTask(taskId, t.title(), t.text(), lastAfter);
    }
    DispatchTarget corrected =
        new DispatchTarget(
            taskId,
            position,
            g.text(),
            newMetric,
            newComparator,
            value,
            newUnit,
            deadline,
            g.recurring(),
            g.assigned(),
            g.assignedFigure(),
            List.of());
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("goal", g.goal());
    before.put("deadline", g.deadline().map(Object::toString).orElse(""));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("goal", corrected.goal());
    after.put("deadline", deadline.map(Object::toString).orElse(""));
    corrected(
        t.planId(),
        "target",
        messages.get(
            "plandispatch.correction.target",
            t.title(),
            corrected.goal(),
            deadline.map(Object::toString).orElse("—")),
        PlanDispatchService.TASK,
        taskId,
        before,
        after);
  }

  private DispatchTask draftTask(long taskId) {
    requireBureau(PlanDispatchService.TASK, Optional.of(taskId));
    DispatchTask t =
        plans
            .task(taskId)
            .orElseThrow(() -> new UserFacingException("plandispatch.task.not-found"));
    draft(t.planId());
    return t;
  }

  private DispatchPlan draft(long planId) {
    requireBureau(PlanDispatchService.PLAN, Optional.of(planId));
    DispatchPlan p = dispatch.plan(planId);
    if (p.status() != DispatchPlanStatus.DRAFT) {
      // A published plan is never edited in place: 修订 makes a new draft version.
      throw new UserFacingException("plandispatch.review.not-draft");
    }
    return p;
  }

  private void corrected(
      long planId,
      String kind,
      String description,
      String entity,
      long entityId,
      Map<String, ?> before,
      Map<String, ?> after) {
    review.insertCorrection(planId, kind, description, actor(), OffsetDateTime.now(clock));
    audit.record(
        AuditAction.UPDATE,
        entity,
        entityId,
        description,
        Optional.of(Map.copyOf(before)),
        Optional.of(Map.copyOf(after)));
  }

  private static String required(String s, int max) {
    String v = s == null ? "" : s.strip();
    if (v.isEmpty()) {
      throw new UserFacingException("plandispatch.review.required");
    }
    return DispatchRepository.cut(v, max);
  }

  private void requireBureau(String entity, Optional<Long> id) {
    QingshanPrincipal user = currentUser.require();
    if (!user.has(Role.ADMIN) && !user.has(Role.PLANNER)) {
      events.publishEvent(new RecordRefused(entity, id));
      throw new AccessDeniedException(entity + " changes are for planners");
    }
  }

  private String actor() {
    return currentUser.principal().map(QingshanPrincipal::getUsername).orElse(AuditLog.SYSTEM);
  }
}
