package org.qingshan.server.plandashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.plandispatch.DispatchSchedule;
import org.qingshan.server.plandispatch.DispatchTarget;
import org.qingshan.server.plandispatch.PlanDispatchService;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a published plan's dashboard and makes the planner's changes on it, each audited. */
@Service
public class PlanDashboardService {
  /** The county's time zone: due dates and "overdue" are judged in it. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private final PlanDashboardRepository repository;
  private final PlanDashboardSettings settings;
  private final AuditLog audit;
  private final CurrentUser currentUser;
  private final Messages messages;
  private final Clock clock;
  private final PlanDispatchService dispatch;

  PlanDashboardService(
      PlanDispatchService dispatch,
      PlanDashboardRepository repository,
      PlanDashboardSettings settings,
      AuditLog audit,
      CurrentUser currentUser,
      Messages messages,
      Clock clock) {
    this.dispatch = dispatch;
    this.repository = repository;
    this.settings = settings;
    this.audit = audit;
    this.currentUser = currentUser;
    this.messages = messages;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** How many days before a report is due the departments are reminded. */
  public int reminderDays() {
    return settings.reminderDays();
  }

  public List<PlanDashboardRepository.Plan> plans() {
    return repository.publishedPlans();
  }

  /** Whether the plan of that id is published and in force. */
  public boolean inForce(long planId) {
    return repository.publishedPlans().stream().anyMatch(p -> p.id() == planId);
  }

  /** The dashboards of the published plans in force, the earliest published first. */
  public List<PlanDashboard> inForce() {
    List<PlanDashboardRepository.Plan> plans = new ArrayList<>(repository.publishedPlans());
    Collections.reverse(plans);
    LocalDate today = today();
    return plans.stream().map(p -> build(p, today)).toList();
  }

  /**
   * The dashboard of a published plan, or, when none is asked for, of the plan in force longest
   * (the earliest published): a plan just imported and published has nothing reported yet.
   */
  public Optional<PlanDashboard> dashboard(Optional<Long> planId) {
    List<PlanDashboardRepository.Plan> plans = repository.publishedPlans();
    Optional<PlanDashboardRepository.Plan> plan =
        planId.isPresent()
            ? plans.stream().filter(p -> p.id() == planId.get()).findFirst()
            : plans.stream().reduce((newer, older) -> older);
    if (planId.isPresent() && plan.isEmpty()) {
      throw new UserFacingException("plandashboard.no-plan");
    }
    return plan.map(p -> build(p, today()));
  }

  PlanDashboard build(PlanDashboardRepository.Plan plan, LocalDate today) {
    List<PlanDashboardRepository.Task> tasks = repository.tasks(plan.id());
    Map<Long, PlanDashboardRepository.Task> byId = new HashMap<>();
    tasks.forEach(t -> byId.put(t.id(), t));
    List<PlanDashboardRepository.Unit> units = repository.units(plan.id());
    Map<Long, OffsetDateTime> doneAt = repository.doneAt(plan.id());
    DispatchSchedule frequency =
        repository.frequency(plan.id()).orElse(settings.defaultFrequency());

    // chapters: where every task sits in one chapter (重点任务), its sections tell more
    List<PlanDashboardRepository.Task> leaves =
        tasks.stream().filter(PlanDashboardRepository.Task::reportable).toList();
    boolean oneChapter =
        leaves.stream().map(t -> ancestor(t, byId, "CHAPTER")).distinct().count() <= 1;
    String level = oneChapter ? "SECTION" : "CHAPTER";
    Map<String, int[]> chapters = new LinkedHashMap<>();
    tasks.stream()
        .filter(t -> t.kind().equals(level))
        .forEach(t -> chapters.put(t.title(), new int[4]));
    for (var t : leaves) {
      int[] counts = chapters.computeIfAbsent(ancestor(t, byId, level), c -> new int[4]);
      counts[statusIndex(t.status())]++;
    }
    List<PlanDashboard.Chapter> chapterRows = new ArrayList<>();
    chapters.forEach(
        (title, c) -> {
          if (c[0] + c[1] + c[2] + c[3] > 0) {
            chapterRows.add(new PlanDashboard.Chapter(title, c[0], c[1], c[2], c[3]));
          }
        });

    // deadlines and departments
    Map<Long, List<PlanDashboardRepository.Unit>> unitsByTask =
        units.stream().collect(Collectors.groupingBy(PlanDashboardRepository.Unit::taskId));
    Map<Long, List<DispatchTarget>> targetsByTask =
        dispatch.planTargets(plan.id()).stream()
            .filter(g -> g.deadline().isPresent())
            .collect(Collectors.groupingBy(DispatchTarget::taskId));
    Map<Long, String> departmentNames = new TreeMap<>();
    Map<Long, int[]> stats = new HashMap<>();
    List<PlanDashboard.Deadline> deadlines = new ArrayList<>();
    for (var t : tasks) {
      if (!t.reportable()) {
        continue;
      }
      List<PlanDashboardRepository.Unit> taskUnits = unitsByTask.getOrDefault(t.id(), List.of());
      boolean done = t.status().equals("DONE");
      Optional<LocalDate> doneOn =
          done
              ? Optional.of(
                  Optional.ofNullable(doneAt.get(t.id()))
                      .map(at -> at.atZoneSameInstant(ZONE).toLocalDate())
                      .orElse(today))
              : Optional.empty();
      Optional<TargetDeadline> state =
          t.due().map(d -> TargetDeadline.of(d, doneOn, today, settings.dueSoonDays()));
      // the lead department's report is the task's report; the responsible ones' where none leads
      String leadRole =
          taskUnits.stream().anyMatch(u -> u.role().equals("LEAD")) ? "LEAD" : "RESPONSIBLE";
      String lead =
          taskUnits.stream()
              .filter(u -> u.role().equals(leadRole))
              .map(PlanDashboardRepository.Unit::department)
              .distinct()
              .collect(Collectors.joining("、"));
      List<DispatchTarget> dated = targetsByTask.getOrDefault(t.id(), List.of());
      if (dated.isEmpty()) {
        state.ifPresent(
            s ->
                deadlines.add(
                    new PlanDashboard.Deadline(
                        t.id(), t.title(), lead, t.due().get(), doneOn, s, "", "")));
      }
      for (DispatchTarget g : dated) {
        deadlines.add(deadline(t, lead, g, doneOn, today));
      }
      for (var u : taskUnits) {
        departmentNames.put(u.departmentId(), u.department());
        int[] s = stats.computeIfAbsent(u.departmentId(), k -> new int[5]);
        if (u.role().equals(leadRole)) {
          s[0]++;
          if (done) {
            s[2]++;
            if (state.map(x -> x == TargetDeadline.MET).orElse(true)) {
              s[3]++;
            }
          }
          if (state.map(x -> x == TargetDeadline.OVERDUE).orElse(false)) {
            s[4]++;
          }
        } else {
          // 配合, or 责任单位 beside a lead: takes part, the lead reports the task
          s[1]++;
        }
      }
    }
    deadlines.sort(Comparator.comparing(PlanDashboard.Deadline::due));
    List<PlanDashboard.Department> unranked = new ArrayList<>();
    departmentNames.forEach(
        (id, name) -> {
          int[] s = stats.get(id);
          unranked.add(new PlanDashboard.Department(0, id, name, s[0], s[1], s[2], s[3], s[4]));
        });
    unranked.sort(
        Comparator.comparingDouble(PlanDashboard.Department::completionRate)
            .reversed()
            .thenComparingInt(PlanDashboard.Department::overdue)
            .thenComparing(d -> -d.onTime()));
    List<PlanDashboard.Department> departments = new ArrayList<>();
    for (int i = 0; i < unranked.size(); i++) {
      var d = unranked.get(i);
      departments.add(
          new PlanDashboard.Department(
              i + 1,
              d.id(),
              d.name(),
              d.assigned(),
              d.supporting(),
              d.done(),
              d.onTime(),
              d.overdue()));
    }

    // reporting schedule
    Map<Long, OffsetDateTime> last = repository.lastReports(plan.id());
    LocalDate publishedOn =
        plan.publishedAt().map(p -> p.atZoneSameInstant(ZONE).toLocalDate()).orElse(today);
    List<PlanDashboard.Reporting> reporting = new ArrayList<>();
    departmentNames.forEach(
        (id, name) -> {
          Optional<LocalDate> lastReport =
              Optional.ofNullable(last.get(id)).map(at -> at.atZoneSameInstant(ZONE).toLocalDate());
          reporting.add(
              new PlanDashboard.Reporting(
                  id,
                  name,
                  lastReport,
                  frequency.nextDue(today),
                  frequency.overdue(publishedOn, lastReport, today),
                  frequency.remind(lastReport, today, settings.reminderDays())));
        });

    return new PlanDashboard(
        plan.id(),
        plan.title(),
        today,
        frequency,
        chapterRows,
        departments,
        indicators(plan.id(), Integer.MAX_VALUE),
        deadlines,
        reporting);
  }

  /**
   * A dated target on the timeline: judged by the latest figure where one was reported for a target
   * with a value, else by the task's completion as before; a target awaiting the figure a higher
   * level assigns is neither (待上级下达).
   */
  private PlanDashboard.Deadline deadline(
      PlanDashboardRepository.Task t,
      String lead,
      DispatchTarget g,
      Optional<LocalDate> doneOn,
      LocalDate today) {
    LocalDate due = g.deadline().orElseThrow();
    if (g.awaitingAssignment()) {
      return new PlanDashboard.Deadline(
          t.id(), t.title(), lead, due, Optional.empty(), TargetDeadline.AWAITING, g.text(), "");
    }
    Optional<TargetDeadline.Judged> judged =
        TargetDeadline.byFigures(g, due, today, settings.dueSoonDays(), ZONE);
    String figure =
        g.readings().stream()
            .filter(r -> !r.reportedAt().atZoneSameInstant(ZONE).toLocalDate().isAfter(today))
            .reduce((a, b) -> b)
            .map(g::written)
            .orElse("");
    String target = g.measurable() ? g.goal() : g.text();
    if (judged.isPresent()) {
      return new PlanDashboard.Deadline(
          t.id(), t.title(), lead, due, judged.get().on(), judged.get().state(), target, figure);
    }
    return new PlanDashboard.Deadline(
        t.id(),
        t.title(),
        lead,
        due,
        doneOn,
        TargetDeadline.of(due, doneOn, today, settings.dueSoonDays()),
        target,
        figure);
  }

  /**
   * The plan's indicators judged as its dashboard judges them (the target the city assigned, the
   * planner's judgement of a qualitative one), counting only the values of the years up to {@code
   * lastYear}: the evaluation at a date reuses it, so evaluation and dashboard never disagree.
   */
  public List<PlanDashboard.Indicator> indicators(long planId, int lastYear) {
    Map<Long, List<PlanDashboardRepository.Value>> values =
        repository.values(planId).stream()
            .filter(v -> v.year() <= lastYear)
            .collect(Collectors.groupingBy(PlanDashboardRepository.Value::indicatorId));
    Map<Long, PlanDashboardRepository.Note> notes = new HashMap<>();
    repository.notes(planId).forEach(n -> notes.put(n.indicatorId(), n));
    List<PlanDashboard.Indicator> rows = new ArrayList<>();
    for (var i : repository.indicators(planId)) {
      List<PlanDashboardRepository.Value> vs = values.getOrDefault(i.id(), List.of());
      Optional<PlanDashboardRepository.Note> note = Optional.ofNullable(notes.get(i.id()));
      Optional<Double> baseline = i.baseline().flatMap(PlanDashboardService::number);
      Optional<Double> target = targetValue(i, baseline, note);
      Optional<IndicatorDirection> direction =
          baseline.isPresent() || target.isPresent()
              ? Optional.of(
                  IndicatorDirection.of(
                      i.kind(),
                      i.name() + i.target().orElse(""),
                      baseline.map(BigDecimal::valueOf),
                      target.map(BigDecimal::valueOf)))
              : Optional.empty();
      Optional<PlanDashboardRepository.Value> latest =
          vs.stream().max(Comparator.comparingInt(PlanDashboardRepository.Value::year));
      Optional<Double> needed = Optional.empty();
      Optional<IndicatorStatus> status = Optional.empty();
      Optional<Double> forecast = Optional.empty();
      if (baseline.isPresent()
          && target.isPresent()
          && i.baselineYear().isPresent()
          && i.targetYear().isPresent()
          && i.targetYear().get() > i.baselineYear().get()) {
        IndicatorTrajectory trajectory =
            new IndicatorTrajectory(
                i.baselineYear().get(), baseline.get(), i.targetYear().get(), target.get());
        Map<Integer, Double> points = new TreeMap<>();
        points.put(i.baselineYear().get(), baseline.get());
        vs.forEach(v -> points.put(v.year(), v.amount().doubleValue()));
        forecast = TrendForecast.fit(points).map(f -> round(f.at(i.targetYear().get())));
        if (latest.isPresent()) {
          int year = latest.get().year();
          needed = Optional.of(round(trajectory.needed(year)));
          status =
              Optional.of(
                  IndicatorStatus.judge(
                      direction.get(),
                      trajectory,
                      year,
                      latest.get().amount().doubleValue(),
                      settings.warningMargin()));
        }
      }
      if (i.kind().equals("qualitative")) {
        status =
            note.flatMap(PlanDashboardRepository.Note::judgement).map(IndicatorStatus::valueOf);
      }
      rows.add(
          new PlanDashboard.Indicator(
              i.id(),
              i.no(),
              i.name(),
              i.unit().orElse(""),
              i.kind(),
              withYear(i.baseline(), i.baselineYear()),
              withYear(i.target(), i.targetYear()),
              target.map(PlanDashboardService::round),
              i.targetYear(),
              vs.stream()
                  .map(
                      v ->
                          v.year()
                              + "："
                              + v.amount().stripTrailingZeros().toPlainString()
                              + "（"
                              + v.source()
                              + "）")
                  .collect(Collectors.joining("；")),
              latest.map(PlanDashboardRepository.Value::year),
              latest.map(v -> v.amount().doubleValue()),
              needed,
              status,
              forecast,
              direction,
              note.flatMap(PlanDashboardRepository.Note::reason)));
    }
    return rows;
  }

  /**
   * The target as a number: the cell's own for a numeric target; the higher level's once the
   * planner fills it in for an assigned one; for a relative one (较基期下降6%) the baseline moved by
   * that share.
   */
  private static Optional<Double> targetValue(
      PlanDashboardRepository.Indicator i,
      Optional<Double> baseline,
      Optional<PlanDashboardRepository.Note> note) {
    Optional<Double> assigned =
        note.flatMap(PlanDashboardRepository.Note::assignedTarget).map(BigDecimal::doubleValue);
    if (assigned.isPresent()) {
      return assigned;
    }
    String kind = i.kind();
    if (kind.equals("assigned") || kind.equals("qualitative") || kind.equals("none")) {
      return Optional.empty();
    }
    Optional<Double> cell = i.target().flatMap(PlanDashboardService::number);
    if (kind.equals("relative") && cell.isPresent() && baseline.isPresent()) {
      String t = i.target().get();
      boolean down = t.contains("下降") || t.contains("降低") || t.contains("减少");
      double share = Math.abs(cell.get()) / 100;
      return Optional.of(baseline.get() * (down ? 1 - share : 1 + share));
    }
    return cell;
  }

  static Optional<Double> number(String text) {
    // 较2020年下降6%: the year is not the number
    Matcher m = NUMBER.matcher(text.replaceAll("\\d{4}年", ""));
    return m.find() ? Optional.of(Double.parseDouble(m.group())) : Optional.empty();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The title of the task's nearest ancestor of {@code kind}, or a dash where it has none. */
  private static String ancestor(
      PlanDashboardRepository.Task t, Map<Long, PlanDashboardRepository.Task> byId, String kind) {
    PlanDashboardRepository.Task at = t;
    while (at.parentId().isPresent() && byId.containsKey(at.parentId().get())) {
      at = byId.get(at.parentId().get());
      if (at.kind().equals(kind)) {
        return at.title();
      }
    }
    return "—";
  }

  private static int statusIndex(String status) {
    return switch (status) {
      case "IN_PROGRESS" -> 1;
      case "DONE" -> 2;
      case "BEHIND" -> 3;
      default -> 0;
    };
  }

  @Transactional
  public void setFrequency(long planId, DispatchSchedule frequency) {
    var plan =
        repository.publishedPlans().stream()
            .filter(p -> p.id() == planId)
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandashboard.no-plan"));
    Optional<DispatchSchedule> before = repository.frequency(planId);
    repository.setFrequency(planId, frequency);
    audit.record(
        AuditAction.UPDATE,
        "plan-dashboard-schedule",
        planId,
        messages.get("plandashboard.schedule.audit", plan.title(), messages.label(frequency)),
        before.map(Enum::name),
        Optional.of(frequency.name()));
  }

  /** 催办: an in-app notification to each liaison of the department; how many were told. */
  @Transactional
  public int urge(long planId, long departmentId) {
    var plan =
        repository.publishedPlans().stream()
            .filter(p -> p.id() == planId)
            .findFirst()
            .orElseThrow(() -> new UserFacingException("plandashboard.no-plan"));
    String department =
        repository
            .departmentName(departmentId)
            .orElseThrow(() -> new UserFacingException("plandashboard.no-department"));
    List<String> liaisons = repository.liaisons(departmentId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String text = messages.get("plandashboard.urge.text", plan.title());
    liaisons.forEach(u -> repository.notify(u, text, "/dispatch/my-tasks", now));
    audit.record(
        AuditAction.CREATE,
        "plan-dashboard-urge",
        departmentId,
        messages.get("plandashboard.urge.audit", plan.title(), department, liaisons.size()),
        Optional.empty(),
        Optional.of(Map.of("plan", planId, "department", departmentId, "liaisons", liaisons)));
    return liaisons.size();
  }

  /**
   * The planner's word on an indicator: a target assigned by a higher level, a judgement, a reason.
   */
  @Transactional
  public void note(
      long indicatorId,
      Optional<BigDecimal> assigned,
      Optional<IndicatorStatus> judgement,
      Optional<String> reason) {
    repository
        .indicatorPlan(indicatorId)
        .orElseThrow(() -> new UserFacingException("plandashboard.no-indicator"));
    if (judgement.isPresent() && reason.isEmpty()) {
      throw new UserFacingException("plandashboard.note.reason-required");
    }
    repository.putNote(
        indicatorId,
        assigned,
        judgement.map(Enum::name),
        reason,
        currentUser.require().getUsername(),
        OffsetDateTime.now(clock));
    audit.record(
        AuditAction.UPDATE,
        "plan-dashboard-indicator",
        indicatorId,
        messages.get("plandashboard.note.audit", indicatorId),
        Optional.empty(),
        Optional.of(
            Map.of(
                "assigned", assigned.map(BigDecimal::toPlainString).orElse(""),
                "judgement", judgement.map(Enum::name).orElse(""),
                "reason", reason.orElse(""))));
  }

  /**
   * A baseline or target with its year, "—" alone when the plan gives no figure: a year without a
   * figure ("—（2020）") reads like a missing value of that year.
   */
  static String withYear(Optional<String> figure, Optional<Integer> year) {
    return figure
        .filter(f -> !f.isBlank())
        .map(f -> f + year.map(y -> "（" + y + "）").orElse(""))
        .orElse("—");
  }
}
