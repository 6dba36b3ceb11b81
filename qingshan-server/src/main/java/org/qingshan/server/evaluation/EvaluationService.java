package org.qingshan.server.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.plandashboard.IndicatorStatus;
import org.qingshan.server.plandashboard.PlanDashboard;
import org.qingshan.server.plandashboard.PlanDashboardService;
import org.qingshan.server.plandashboard.PlanDashboardSettings;
import org.qingshan.server.plandashboard.TargetDeadline;
import org.qingshan.server.plandispatch.DispatchIndicator;
import org.qingshan.server.plandispatch.DispatchPlan;
import org.qingshan.server.plandispatch.DispatchTarget;
import org.qingshan.server.plandispatch.DispatchTask;
import org.qingshan.server.plandispatch.DispatchTaskKind;
import org.qingshan.server.plandispatch.DispatchTaskStatus;
import org.qingshan.server.plandispatch.DispatchUnitRole;
import org.qingshan.server.plandispatch.PlanDispatchService;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.web.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a plan's evaluation at a date (indicators against their trajectory, tasks by chapter,
 * key projects, problems, departments scored) and publishes its public snapshot. Only the bureau's
 * planners and admins evaluate; the public sees only what was published.
 */
@Service
public class EvaluationService {
  static final String ENTITY = "evaluation";

  private final PlanDispatchService plans;
  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final Messages messages;
  private final EvaluationSettings settings;
  private final PlanDashboardSettings dashboard;
  private final PlanDashboardService dashboards;
  private final Clock clock;
  private final ZoneId zone;
  private final TaskStatusAtDate statusAt;

  EvaluationService(
      PlanDispatchService plans,
      JdbcClient jdbc,
      CurrentUser currentUser,
      AuditLog audit,
      Messages messages,
      EvaluationSettings settings,
      PlanDashboardSettings dashboard,
      PlanDashboardService dashboards,
      Clock clock,
      ZoneId countyZone,
      TaskStatusAtDate statusAt) {
    this.statusAt = statusAt;
    this.dashboard = dashboard;
    this.dashboards = dashboards;
    this.plans = plans;
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.settings = settings;
    this.clock = clock;
    this.zone = countyZone;
  }

  /** Today in the county (Asia/Shanghai): the default date of an evaluation. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  void requireBureau() {
    var p = currentUser.require();
    if (!p.has(Role.PLANNER) && !p.has(Role.ADMIN)) {
      throw new org.springframework.security.access.AccessDeniedException("evaluation");
    }
  }

  /** The method by which departments are scored, in words. */
  public String scoringMethod() {
    return messages.get(
        "evaluation.scoring.method", settings.onTimeWeight(), settings.completionWeight());
  }

  /**
   * The evaluation of plan {@code planId} of {@code kind} as at {@code date}: the indicators'
   * values of the years up to it, and the tasks as they stood then ({@link TaskStatusAtDate}),
   * whenever it is generated.
   */
  public EvaluationReport report(long planId, EvaluationKind kind, LocalDate date) {
    requireBureau();
    DispatchPlan plan = plans.plan(planId);
    List<DispatchTask> tree = plans.tree(plan.id());
    List<EvaluationReport.Indicator> indicators = new ArrayList<>();
    Map<Long, PlanDashboard.Indicator> judged = new HashMap<>();
    dashboards.indicators(plan.id(), date.getYear()).forEach(i -> judged.put(i.id(), i));
    for (DispatchIndicator i : plans.indicators(plan.id())) {
      indicators.add(indicator(i, Optional.ofNullable(judged.get(i.id())), date.getYear()));
    }
    Map<Long, DispatchTask> byId = new HashMap<>();
    tree.forEach(t -> byId.put(t.id(), t));
    Map<Long, int[]> counts = new LinkedHashMap<>();
    for (DispatchTask t : tree) {
      if (t.kind() == DispatchTaskKind.CHAPTER) {
        counts.put(t.id(), new int[6]);
      }
    }
    List<String> problems = new ArrayList<>();
    Map<String, int[]> departments = new LinkedHashMap<>();
    // the tasks as they stood at the date, not as they are now
    TaskStatusAtDate.At then = statusAt.at(plan.id(), date);
    int allTasks = 0;
    int allDone = 0;
    for (DispatchTask t : tree) {
      if (!t.isTask()) {
        continue;
      }
      allTasks++;
      boolean overdue = then.overdue(t);
      DispatchTaskStatus status = then.status(t);
      if (status == DispatchTaskStatus.DONE) {
        allDone++;
      }
      DispatchTask chapter = t;
      while (chapter.parentId().isPresent() && byId.containsKey(chapter.parentId().get())) {
        chapter = byId.get(chapter.parentId().get());
      }
      int[] c = counts.computeIfAbsent(chapter.id(), k -> new int[6]);
      c[0]++;
      c[1 + status.ordinal()]++;
      if (overdue) {
        c[5]++;
      }
      String lead = String.join("、", t.lead().isEmpty() ? t.responsible() : t.lead());
      if (overdue || status == DispatchTaskStatus.BEHIND) {
        problems.add(
            messages.get(
                overdue ? "evaluation.problem.overdue" : "evaluation.problem.behind",
                t.title(),
                lead.isEmpty() ? "—" : lead,
                t.due().map(LocalDate::toString).orElse("—")));
      }
      for (var u : t.units()) {
        if (u.role() == DispatchUnitRole.SUPPORT) {
          continue;
        }
        int[] d = departments.computeIfAbsent(u.shown(), k -> new int[3]);
        d[0]++;
        if (onTime(t, then)) {
          d[1]++;
        }
        if (status == DispatchTaskStatus.DONE) {
          d[2]++;
        }
      }
    }
    List<EvaluationReport.Chapter> chapters = new ArrayList<>();
    counts.forEach(
        (id, c) -> {
          if (c[0] > 0) {
            chapters.add(
                new EvaluationReport.Chapter(
                    byId.get(id).title(), c[0], c[1], c[2], c[3], c[4], c[5]));
          }
        });
    List<EvaluationReport.TargetProgress> targets = targets(plan.id(), byId, then, date);
    List<EvaluationReport.DepartmentScore> scores = new ArrayList<>();
    departments.forEach((name, d) -> scores.add(score(name, d[0], d[1], d[2])));
    scores.sort((a, b) -> b.score().compareTo(a.score()));
    List<EvaluationReport.Project> projects = projects(plan.id(), date);
    long onTrack =
        indicators.stream().filter(i -> i.status() == EvaluationIndicatorStatus.ON_TRACK).count();
    long behind =
        indicators.stream().filter(i -> i.status() == EvaluationIndicatorStatus.BEHIND).count();
    long warning =
        indicators.stream().filter(i -> i.status() == EvaluationIndicatorStatus.WARNING).count();
    String summary =
        messages.get(
            "evaluation.summary",
            plan.title(),
            date.toString(),
            indicators.size(),
            onTrack,
            behind,
            warning,
            allTasks,
            allDone,
            problems.size());
    List<String> next = new ArrayList<>();
    indicators.stream()
        .filter(
            i ->
                i.status() == EvaluationIndicatorStatus.BEHIND
                    || i.status() == EvaluationIndicatorStatus.WARNING)
        .forEach(i -> next.add(messages.get("evaluation.next.indicator", i.name(), i.target())));
    if (!problems.isEmpty()) {
      next.add(messages.get("evaluation.next.tasks", problems.size()));
    }
    next.add(messages.get("evaluation.next.dispatch"));
    return new EvaluationReport(
        plan.id(),
        plan.title(),
        kind,
        date,
        summary,
        indicators,
        chapters,
        targets,
        projects,
        problems,
        next,
        scoringMethod(),
        scores);
  }

  /**
   * The dated targets with a value of the plan's tasks as known on {@code date}: the latest figure
   * reported by then and the target's state, judged as the dashboard's timeline judges it; a target
   * a higher level sets without its figure yet is listed as awaiting it (待上级下达).
   */
  private List<EvaluationReport.TargetProgress> targets(
      long planId, Map<Long, DispatchTask> tasks, TaskStatusAtDate.At then, LocalDate date) {
    List<EvaluationReport.TargetProgress> rows = new ArrayList<>();
    for (DispatchTarget g : plans.planTargets(planId)) {
      DispatchTask t = tasks.get(g.taskId());
      if (t == null || !(g.measurable() || g.awaitingAssignment()) || g.deadline().isEmpty()) {
        continue;
      }
      LocalDate due = g.deadline().get();
      String lead = String.join("、", t.lead().isEmpty() ? t.responsible() : t.lead());
      if (g.awaitingAssignment()) {
        rows.add(
            new EvaluationReport.TargetProgress(
                t.title(),
                lead.isEmpty() ? "—" : lead,
                g.goal(),
                due,
                "—",
                messages.label(TargetDeadline.AWAITING)));
        continue;
      }
      Optional<TargetDeadline.Judged> judged =
          TargetDeadline.byFigures(g, due, date, dashboard.dueSoonDays(), zone);
      // without a figure the task's completion by the date decides, as on the dashboard's timeline
      Optional<LocalDate> done = then.doneOn(t);
      TargetDeadline state =
          judged
              .map(TargetDeadline.Judged::state)
              .orElseGet(() -> TargetDeadline.of(due, done, date, dashboard.dueSoonDays()));
      rows.add(
          new EvaluationReport.TargetProgress(
              t.title(),
              lead.isEmpty() ? "—" : lead,
              g.goal(),
              due,
              judged
                  .flatMap(TargetDeadline.Judged::latest)
                  // the number only: a note is free text the PDF font may not cover
                  .map(r -> g.written(r.amount(), Optional.empty()))
                  .orElse(
                      messages.get(
                          done.isPresent()
                              ? "evaluation.target.done-no-figure"
                              : "evaluation.target.no-figure")),
              messages.label(state)));
    }
    return rows;
  }

  /**
   * The plan's key projects as reported (planned and actual investment, progress) with their
   * milestones judged at {@code date}: done by then, overdue (its date passed without), or open.
   */
  private List<EvaluationReport.Project> projects(long planId, LocalDate date) {
    Map<Long, List<EvaluationReport.Milestone>> milestones = new HashMap<>();
    jdbc.sql(
            "SELECT m.project_id, m.name, m.due, m.done FROM dispatch_milestone m JOIN"
                + " dispatch_project p ON p.id = m.project_id WHERE p.plan_id = :p"
                + " ORDER BY m.due, m.id")
        .param("p", planId)
        .query(
            rs -> {
              Optional<LocalDate> due = Optional.ofNullable(rs.getObject("due", LocalDate.class));
              Optional<LocalDate> done =
                  Optional.ofNullable(rs.getObject("done", LocalDate.class))
                      .filter(d -> !d.isAfter(date));
              EvaluationReport.MilestoneState state =
                  done.isPresent()
                      ? EvaluationReport.MilestoneState.DONE
                      : due.filter(d -> d.isBefore(date)).isPresent()
                          ? EvaluationReport.MilestoneState.OVERDUE
                          : EvaluationReport.MilestoneState.OPEN;
              milestones
                  .computeIfAbsent(rs.getLong("project_id"), k -> new ArrayList<>())
                  .add(new EvaluationReport.Milestone(rs.getString("name"), due, done, state));
            });
    return jdbc.sql(
            "SELECT id, name, content, investment, actual_investment, progress FROM dispatch_project"
                + " WHERE plan_id = :p ORDER BY position")
        .param("p", planId)
        .query(
            (rs, n) ->
                new EvaluationReport.Project(
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("content")).orElse(""),
                    amount(rs.getBigDecimal("investment")),
                    amount(rs.getBigDecimal("actual_investment")),
                    Optional.ofNullable((Integer) rs.getObject("progress", Integer.class)),
                    milestones.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  private static String amount(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString();
  }

  /**
   * Whether a task counts as on time at the date, as it stood then: done by its due date (a
   * completion after it is late, as the dashboard's 超期完成 says), or not done and neither overdue nor
   * behind.
   */
  private static boolean onTime(DispatchTask t, TaskStatusAtDate.At then) {
    Optional<LocalDate> done = then.doneOn(t);
    if (done.isPresent()) {
      LocalDate on = done.get();
      return t.due().map(due -> !on.isAfter(due)).orElse(true);
    }
    return !then.overdue(t) && then.status(t) != DispatchTaskStatus.BEHIND;
  }

  EvaluationReport.DepartmentScore score(String name, int tasks, int onTime, int done) {
    return score(name, tasks, onTime, done, settings.onTimeWeight(), settings.completionWeight());
  }

  /**
   * A department's score out of 100: the weighted mean of its on-time share and its completion
   * share over the tasks it leads or is responsible for; no task, no score (0).
   */
  static EvaluationReport.DepartmentScore score(
      String name, int tasks, int onTime, int done, int onTimeWeight, int completionWeight) {
    int total = Math.max(1, onTimeWeight + completionWeight);
    BigDecimal score =
        tasks == 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(
                    100.0
                        * (onTimeWeight * (double) onTime / tasks
                            + completionWeight * (double) done / tasks)
                        / total)
                .setScale(1, RoundingMode.HALF_UP);
    return new EvaluationReport.DepartmentScore(name, tasks, onTime, done, score);
  }

  /**
   * An indicator at the evaluation's year, judged by the dashboard ({@code judged}): the same
   * target (the figure the city assigned where the plan says 完成市下达任务), the same status, the
   * planner's judgement and reason of a qualitative one.
   */
  private EvaluationReport.Indicator indicator(
      DispatchIndicator i, Optional<PlanDashboard.Indicator> judged, int year) {
    List<EvaluationReport.Point> actual =
        i.values().stream()
            .filter(v -> v.year() <= year)
            .sorted((a, b) -> Integer.compare(a.year(), b.year()))
            .map(v -> new EvaluationReport.Point(v.year(), v.value()))
            .toList();
    Optional<BigDecimal> baseline = i.baseline().flatMap(IndicatorAssessment::number);
    Optional<BigDecimal> target =
        judged
            .flatMap(PlanDashboard.Indicator::targetValue)
            .map(v -> BigDecimal.valueOf(v).stripTrailingZeros());
    Optional<EvaluationReport.Point> latest =
        actual.isEmpty() ? Optional.empty() : Optional.of(actual.get(actual.size() - 1));
    EvaluationIndicatorStatus status =
        judged
            .flatMap(PlanDashboard.Indicator::status)
            .map(EvaluationService::status)
            .orElse(EvaluationIndicatorStatus.UNKNOWN);
    List<EvaluationReport.Point> trajectory = new ArrayList<>();
    if (baseline.isPresent()
        && target.isPresent()
        && i.baselineYear().isPresent()
        && i.targetYear().isPresent()
        && i.targetYear().get() > i.baselineYear().get()) {
      trajectory.add(new EvaluationReport.Point(i.baselineYear().get(), baseline.get()));
      trajectory.add(new EvaluationReport.Point(i.targetYear().get(), target.get()));
    }
    List<EvaluationReport.Point> line = actual;
    if (baseline.isPresent()
        && i.baselineYear().isPresent()
        && actual.stream().noneMatch(p -> p.year() <= i.baselineYear().get())) {
      // The chart's actual line starts at the baseline, so one value already draws a line.
      line = new ArrayList<>();
      line.add(new EvaluationReport.Point(i.baselineYear().get(), baseline.get()));
      line.addAll(actual);
    }
    String cell = i.target().orElse("—");
    if (i.kind().equals("assigned") && target.isPresent()) {
      // the plan's words (完成市下达任务) and the figure the city assigned, which is judged
      cell = messages.get("evaluation.target.assigned", cell, target.get().toPlainString());
    }
    String unit = i.unit().orElse("");
    return new EvaluationReport.Indicator(
        i.no(),
        i.name(),
        unit,
        withYear(i.baseline(), i.baselineYear()),
        withYear(Optional.of(cell).filter(c -> !c.equals("—")), i.targetYear()),
        latest.map(EvaluationReport.Point::year),
        latest.map(EvaluationReport.Point::value),
        status,
        messages.label(status),
        line,
        trajectory,
        judged.flatMap(PlanDashboard.Indicator::reason).filter(r -> !r.isBlank()));
  }

  /**
   * A baseline or target cell: the value with its year (42（2020年）); a value the plan leaves out is
   * — alone, since a year without a value says nothing.
   */
  static String withYear(Optional<String> value, Optional<Integer> year) {
    return value
        .map(String::strip)
        .filter(v -> !v.isEmpty() && !v.equals("—") && !v.equals("-") && !v.equals("/"))
        .map(v -> v + year.map(y -> "（" + y + "年）").orElse(""))
        .orElse("—");
  }

  private static EvaluationIndicatorStatus status(IndicatorStatus s) {
    return switch (s) {
      case ON_TRACK -> EvaluationIndicatorStatus.ON_TRACK;
      case WARNING -> EvaluationIndicatorStatus.WARNING;
      case BEHIND -> EvaluationIndicatorStatus.BEHIND;
    };
  }

  /** A published evaluation as the public sees it. */
  public record Published(
      long id,
      String planTitle,
      EvaluationKind kind,
      LocalDate date,
      String summary,
      OffsetDateTime publishedAt,
      List<PublishedIndicator> indicators) {}

  public record PublishedIndicator(
      String no,
      String name,
      String unit,
      String value,
      String target,
      EvaluationIndicatorStatus status) {}

  /** Publishes the evaluation's snapshot: kind, date, summary and the indicators' states. */
  @Transactional
  public long publish(long planId, EvaluationKind kind, LocalDate date) {
    EvaluationReport r = report(planId, kind, date);
    OffsetDateTime now = OffsetDateTime.now(clock);
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO evaluation_published (plan_id, plan_title, kind, eval_date, summary,"
                + " published_by, published_at) VALUES (:p, :t, :k, :d, :s, :b, :a)")
        .param("p", r.planId())
        .param("t", r.planTitle())
        .param("k", kind.name())
        .param("d", date)
        .param("s", r.summary())
        .param("b", currentUser.require().getUsername())
        .param("a", now)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    int pos = 0;
    for (EvaluationReport.Indicator i : r.indicators()) {
      jdbc.sql(
              "INSERT INTO evaluation_published_indicator (evaluation_id, position, no, name, unit,"
                  + " value_text, target, status) VALUES (:e, :p, :no, :n, :u, :v, :t, :s)")
          .param("e", id)
          .param("p", pos++)
          .param("no", i.no())
          .param("n", i.name())
          .param("u", i.unit())
          .param("v", clip(i.valueText(), 200))
          .param("t", clip(i.target(), 200))
          .param("s", i.status().name())
          .update();
    }
    audit.record(
        AuditAction.CREATE,
        ENTITY,
        id,
        messages.get(
            "evaluation.audit.publish", r.planTitle(), messages.label(kind), date.toString()),
        Optional.empty(),
        Optional.of(Map.of("plan", planId, "kind", kind.code(), "date", date.toString())));
    return id;
  }

  /** The text cut to the snapshot column's length (a planner's reason may be long). */
  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Every published evaluation, the newest first, for the public page. */
  public List<Published> published() {
    List<Published> list =
        jdbc.sql(
                "SELECT id, plan_title, kind, eval_date, summary, published_at FROM evaluation_published"
                    + " ORDER BY published_at DESC, id DESC")
            .query(
                (rs, n) ->
                    new Published(
                        rs.getLong("id"),
                        rs.getString("plan_title"),
                        EvaluationKind.valueOf(rs.getString("kind")),
                        rs.getObject("eval_date", LocalDate.class),
                        rs.getString("summary"),
                        rs.getObject("published_at", OffsetDateTime.class),
                        List.of()))
            .list();
    return list;
  }

  public Optional<Published> published(long id) {
    return published().stream()
        .filter(p -> p.id() == id)
        .findFirst()
        .map(
            p ->
                new Published(
                    p.id(),
                    p.planTitle(),
                    p.kind(),
                    p.date(),
                    p.summary(),
                    p.publishedAt(),
                    jdbc.sql(
                            "SELECT no, name, unit, value_text, target, status FROM"
                                + " evaluation_published_indicator WHERE evaluation_id = :e ORDER BY position")
                        .param("e", id)
                        .query(
                            (rs, n) ->
                                new PublishedIndicator(
                                    rs.getString("no"),
                                    rs.getString("name"),
                                    Optional.ofNullable(rs.getString("unit")).orElse(""),
                                    rs.getString("value_text"),
                                    rs.getString("target"),
                                    EvaluationIndicatorStatus.valueOf(rs.getString("status"))))
                        .list()));
  }
}
