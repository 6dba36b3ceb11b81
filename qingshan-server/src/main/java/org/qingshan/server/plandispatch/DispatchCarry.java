package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What follows a task from the published version a new version supersedes: its status and its
 * reports (lead and supporting departments' alike) with their figures and evidence files. The
 * reports are copied, not moved: every reader of a plan (task pages, 我的任务, the dashboard, the
 * reminders, the evaluation, the API) reads the reports of the plan's own tasks, and the old
 * version keeps its history as it was. A copy keeps its report's department, role, author and time,
 * so on-time and late stay judged as before, and points at its original ({@code
 * origin_progress_id}).
 *
 * <p>A new task takes the reports of the old task it descends from (修订 records each copied task's
 * origin, followed back through earlier revisions), else of the old task of its kind and title not
 * taken yet, in document order (an uploaded replacement knows no lineage). Each old task's reports
 * go to one new task at most.
 *
 * <p>A task merged into another on the draft (recorded at the merge: {@code dispatch_task_merge})
 * sends its reports to the task it became part of as contributions ({@code merged_from_task_id}):
 * they count as the departments' reports for the period, but do not set the task's status (the
 * task's own reports still decide it), and their figures follow only to a target of the same text
 * (the merged task's targets moved with it). A contribution whose task is back on its own in the
 * new version (a revision of a version older than the merge) goes back to it. A task gone from the
 * new version without a merge (no longer in the replacing file) keeps its reports in the old
 * version only.
 */
@Repository
class DispatchCarry {
  private final JdbcClient jdbc;

  DispatchCarry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What was carried: tasks matched, reports copied, their figures and files, figures dropped;
   * tasks merged into another whose reports followed as contributions, and those reports; and each
   * old task id → the new task that descends from it.
   */
  record Carried(
      int tasks,
      int reports,
      int figures,
      int files,
      int droppedFigures,
      int mergedTasks,
      int mergedReports,
      Map<Long, Long> descendants) {
    static final Carried NONE = new Carried(0, 0, 0, 0, 0, 0, 0, Map.of());

    Carried {
      descendants = Map.copyOf(descendants);
    }

    Carried plus(Carried o) {
      Map<Long, Long> both = new HashMap<>(descendants);
      both.putAll(o.descendants);
      return new Carried(
          tasks + o.tasks,
          reports + o.reports,
          figures + o.figures,
          files + o.files,
          droppedFigures + o.droppedFigures,
          mergedTasks + o.mergedTasks,
          mergedReports + o.mergedReports,
          both);
    }
  }

  /** How many of what one task's carry copied. */
  private record Copied(int reports, int figures, int files, int droppedFigures) {
    static final Copied NONE = new Copied(0, 0, 0, 0);

    Copied plus(Copied o) {
      return new Copied(
          reports + o.reports,
          figures + o.figures,
          files + o.files,
          droppedFigures + o.droppedFigures);
    }
  }

  /** A merge recorded on the new version: its task absorbed the task of that origin or title. */
  private record Merge(long taskId, Optional<Long> origin, String kind, String title) {}

  /** A report to copy: the task it was merged from when it is a contribution. */
  private record Report(long id, Optional<Long> mergedFrom) {}

  /** An old task merged into the new task {@code into}. */
  private record Absorbed(long into, Node old) {}

  private record Node(
      long id,
      String kind,
      String title,
      String status,
      Optional<OffsetDateTime> updatedAt,
      Optional<Long> origin) {}

  private record Target(
      int position, String text, Optional<String> metric, Optional<LocalDate> deadline) {}

  private record Figure(int targetPosition, BigDecimal amount, Optional<String> note) {}

  /** Carries the tasks' statuses and reports of version {@code from} to version {@code to}. */
  Carried carry(long from, long to) {
    List<Node> old = nodes(from);
    List<Node> fresh = nodes(to);
    Lineage origins = origins(to);
    Map<Long, Long> pairs = match(old, fresh, origins);
    Map<Long, Node> oldById = new HashMap<>();
    old.forEach(n -> oldById.put(n.id(), n));
    // the new tasks nothing of the old version descends to, by their first ancestor: where a
    // contribution goes back when its task is on its own again
    Map<Long, Long> alone = new HashMap<>();
    fresh.stream()
        .filter(n -> !pairs.containsKey(n.id()))
        .forEach(n -> alone.putIfAbsent(origins.root(n.id()), n.id()));
    Set<Long> restored = new HashSet<>();
    Copied copied = Copied.NONE;
    Map<Long, Long> descendants = new LinkedHashMap<>();
    Map<Long, Set<Integer>> usedTargets = new HashMap<>();
    for (Map.Entry<Long, Long> pair : pairs.entrySet()) {
      Node o = oldById.get(pair.getValue());
      long task = pair.getKey();
      status(task, o);
      descendants.put(o.id(), task);
      Map<Integer, Integer> positions = targetPositions(o.id(), task);
      usedTargets.put(task, new HashSet<>(positions.values()));
      for (Report r : reportsOn(o.id())) {
        Optional<Long> back =
            r.mergedFrom().map(m -> alone.get(origins.root(m))).filter(x -> x != null);
        if (back.isPresent()) {
          long made = r.mergedFrom().get();
          if (restored.add(back.get())) {
            nodeStatus(made).ifPresent(n -> status(back.get(), n));
          }
          copied =
              copied.plus(
                  copy(r.id(), back.get(), Optional.empty(), targetPositions(made, back.get())));
        } else {
          copied = copied.plus(copy(r.id(), task, r.mergedFrom(), positions));
        }
      }
    }
    int mergedTasks = 0;
    Copied merged = Copied.NONE;
    Set<Long> taken = new HashSet<>(pairs.values());
    for (Absorbed m : absorbed(old, merges(to), origins, taken)) {
      long into = m.into();
      Node o = m.old();
      Map<Integer, Integer> positions =
          sameText(o.id(), into, usedTargets.getOrDefault(into, Set.of()));
      Copied c = Copied.NONE;
      for (Report r : reportsOn(o.id())) {
        c = c.plus(copy(r.id(), into, Optional.of(r.mergedFrom().orElse(o.id())), positions));
      }
      mergedTasks++;
      merged = merged.plus(c);
    }
    return new Carried(
        pairs.size() + restored.size(),
        copied.reports(),
        copied.figures() + merged.figures(),
        copied.files() + merged.files(),
        copied.droppedFigures() + merged.droppedFigures(),
        mergedTasks,
        merged.reports(),
        descendants);
  }

  private void status(long task, Node from) {
    jdbc.sql("UPDATE dispatch_task SET status = :s, updated_at = :at WHERE id = :id")
        .param("s", from.status())
        .param("at", from.updatedAt().orElse(null))
        .param("id", task)
        .update();
  }

  /** The new version's tasks (new id → old id), by lineage first, then by kind and title. */
  private static Map<Long, Long> match(List<Node> old, List<Node> fresh, Lineage origins) {
    Map<Long, Node> oldByRoot = new LinkedHashMap<>();
    old.forEach(o -> oldByRoot.putIfAbsent(origins.root(o.id()), o));
    Map<Long, Long> pairs = new LinkedHashMap<>();
    Set<Long> taken = new HashSet<>();
    for (Node n : fresh) {
      if (n.origin().isEmpty()) {
        continue;
      }
      Node o = oldByRoot.get(origins.root(n.id()));
      if (o != null && taken.add(o.id())) {
        pairs.put(n.id(), o.id());
      }
    }
    Map<String, Deque<Node>> byTitle = new HashMap<>();
    for (Node o : old) {
      if (!taken.contains(o.id())) {
        byTitle.computeIfAbsent(o.kind() + "|" + o.title(), k -> new ArrayDeque<>()).add(o);
      }
    }
    for (Node n : fresh) {
      if (!pairs.containsKey(n.id())) {
        Deque<Node> same = byTitle.get(n.kind() + "|" + n.title());
        if (same != null && !same.isEmpty()) {
          pairs.put(n.id(), same.poll().id());
        }
      }
    }
    return pairs;
  }

  /**
   * The old tasks merged into a new task on the draft, each found by its lineage (the task the
   * merged copy was made from, followed back), else by its kind and title; one not taken by a new
   * task of its own, each once.
   */
  private static List<Absorbed> absorbed(
      List<Node> old, List<Merge> merges, Lineage origins, Set<Long> taken) {
    List<Absorbed> found = new ArrayList<>();
    for (Merge m : merges) {
      Optional<Node> o =
          m.origin().isPresent()
              ? old.stream()
                  .filter(x -> !taken.contains(x.id()))
                  .filter(x -> origins.related(x.id(), m.origin().get()))
                  .findFirst()
              : old.stream()
                  .filter(x -> !taken.contains(x.id()))
                  .filter(x -> x.kind().equals(m.kind()) && x.title().equals(m.title()))
                  .findFirst();
      o.ifPresent(
          x -> {
            taken.add(x.id());
            found.add(new Absorbed(m.taskId(), x));
          });
    }
    return found;
  }

  /** The merges recorded on a version's tasks, in the order they were made. */
  private List<Merge> merges(long planId) {
    return jdbc.sql(
            "SELECT m.task_id, m.origin_task_id, m.kind, m.title FROM dispatch_task_merge m JOIN"
                + " dispatch_task t ON t.id = m.task_id WHERE t.plan_id = :p ORDER BY m.id")
        .param("p", planId)
        .query(
            (rs, n) -> {
              long origin = rs.getLong(2);
              boolean none = rs.wasNull();
              return new Merge(
                  rs.getLong(1),
                  none ? Optional.empty() : Optional.of(origin),
                  rs.getString(3),
                  rs.getString(4));
            })
        .list();
  }

  /** Tasks and sub-tasks of a version in document order (the nodes reports are made on). */
  private List<Node> nodes(long planId) {
    return jdbc.sql(
            "SELECT id, kind, title, status, updated_at, origin_task_id FROM dispatch_task"
                + " WHERE plan_id = :p AND kind IN ('TASK', 'SUBTASK') ORDER BY position, id")
        .param("p", planId)
        .query(
            (rs, n) -> {
              long origin = rs.getLong("origin_task_id");
              boolean none = rs.wasNull();
              return new Node(
                  rs.getLong("id"),
                  rs.getString("kind"),
                  rs.getString("title"),
                  rs.getString("status"),
                  Optional.ofNullable(rs.getObject("updated_at", OffsetDateTime.class)),
                  none ? Optional.empty() : Optional.of(origin));
            })
        .list();
  }

  /** Each task's origin across the versions of the plan {@code planId} belongs to. */
  private Lineage origins(long planId) {
    return Lineage.read(
        jdbc,
        "SELECT t.id, t.origin_task_id FROM dispatch_task t JOIN dispatch_plan p ON p.id ="
            + " t.plan_id WHERE t.origin_task_id IS NOT NULL AND p.series_id = (SELECT"
            + " series_id FROM dispatch_plan WHERE id = :p)",
        Map.of("p", planId));
  }

  /** The reports on a task in the order they were made. */
  private List<Report> reportsOn(long task) {
    return jdbc.sql(
            "SELECT id, merged_from_task_id FROM dispatch_progress WHERE task_id = :t ORDER BY id")
        .param("t", task)
        .query(
            (rs, n) -> {
              long merged = rs.getLong(2);
              boolean none = rs.wasNull();
              return new Report(rs.getLong(1), none ? Optional.empty() : Optional.of(merged));
            })
        .list();
  }

  /** A task's status and when it was set, as a node to take them from. */
  private Optional<Node> nodeStatus(long task) {
    return jdbc.sql("SELECT id, kind, title, status, updated_at FROM dispatch_task WHERE id = :t")
        .param("t", task)
        .query(
            (rs, n) ->
                new Node(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getString("title"),
                    rs.getString("status"),
                    Optional.ofNullable(rs.getObject("updated_at", OffsetDateTime.class)),
                    Optional.empty()))
        .optional();
  }

  /**
   * Copies a report to the task {@code to} (as a contribution of the task it was merged from, when
   * {@code mergedFrom}) with its files (the same stored file: nothing is written to disk) and its
   * figures, each on the target {@code positions} maps its target to; a figure whose target the
   * task no longer has is left out.
   */
  private Copied copy(
      long report, long to, Optional<Long> mergedFrom, Map<Integer, Integer> positions) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO dispatch_progress (task_id, department_id, role, status, text,"
                + " reported_by, reported_at, origin_progress_id, merged_from_task_id,"
                + " proxy_department_id) SELECT :to, department_id, role, status, text,"
                + " reported_by, reported_at, id, :merged, proxy_department_id FROM"
                + " dispatch_progress WHERE id = :id")
        .param("to", to)
        .param("merged", mergedFrom.orElse(null))
        .param("id", report)
        .update(keys, "id");
    long copy = keys.getKey().longValue();
    int files =
        jdbc.sql(
                "INSERT INTO dispatch_evidence (progress_id, file_name, stored_name,"
                    + " content_type, bytes) SELECT :copy, file_name, stored_name, content_type,"
                    + " bytes FROM dispatch_evidence WHERE progress_id = :id ORDER BY id")
            .param("copy", copy)
            .param("id", report)
            .update();
    List<Figure> given =
        jdbc.sql(
                "SELECT target_position, amount, note FROM dispatch_figure WHERE progress_id ="
                    + " :id ORDER BY target_position")
            .param("id", report)
            .query(
                (rs, n) ->
                    new Figure(
                        rs.getInt(1), rs.getBigDecimal(2), Optional.ofNullable(rs.getString(3))))
            .list();
    int figures = 0;
    int dropped = 0;
    for (Figure f : given) {
      Integer position = positions.get(f.targetPosition());
      if (position == null) {
        dropped++;
        continue;
      }
      jdbc.sql(
              "INSERT INTO dispatch_figure (progress_id, target_position, amount, note) VALUES"
                  + " (:p, :pos, :amount, :note)")
          .param("p", copy)
          .param("pos", position)
          .param("amount", f.amount())
          .param("note", f.note().orElse(null))
          .update();
      figures++;
    }
    return new Copied(1, figures, files, dropped);
  }

  /**
   * A merged task's target positions → the positions of the targets of the same text on the task it
   * was merged into (the n-th of a text for the n-th), but for those the task's own targets took
   * ({@code used}): a merged task's figure is a reading of its own target only.
   */
  private Map<Integer, Integer> sameText(long from, long to, Set<Integer> used) {
    List<Target> fresh = targets(to);
    Map<Integer, Integer> positions = new HashMap<>();
    Set<Integer> taken = new HashSet<>(used);
    for (Target o : targets(from)) {
      fresh.stream()
          .filter(t -> t.text().equals(o.text()) && !taken.contains(t.position()))
          .findFirst()
          .ifPresent(
              t -> {
                positions.put(o.position(), t.position());
                taken.add(t.position());
              });
    }
    return positions;
  }

  /**
   * The old task's target positions → the new task's: the target of the same text (the n-th of a
   * text for the n-th), else the one measuring the same thing by the same date (the sentence around
   * it was reworded, or its value corrected: a figure stays a reading of what it measured).
   */
  private Map<Integer, Integer> targetPositions(long from, long to) {
    List<Target> fresh = targets(to);
    List<Target> old = targets(from);
    Map<Integer, Integer> positions = new HashMap<>();
    Set<Integer> used = new HashSet<>();
    for (Target o : old) {
      fresh.stream()
          .filter(t -> t.text().equals(o.text()) && !used.contains(t.position()))
          .findFirst()
          .ifPresent(
              t -> {
                positions.put(o.position(), t.position());
                used.add(t.position());
              });
    }
    for (Target o : old) {
      if (positions.containsKey(o.position()) || o.metric().isEmpty()) {
        continue;
      }
      fresh.stream()
          .filter(t -> !used.contains(t.position()))
          .filter(t -> t.metric().equals(o.metric()) && t.deadline().equals(o.deadline()))
          .findFirst()
          .ifPresent(
              t -> {
                positions.put(o.position(), t.position());
                used.add(t.position());
              });
    }
    return positions;
  }

  private List<Target> targets(long taskId) {
    return jdbc.sql(
            "SELECT position, text, metric, deadline FROM dispatch_target WHERE task_id = :t"
                + " ORDER BY position")
        .param("t", taskId)
        .query(
            (rs, n) ->
                new Target(
                    rs.getInt(1),
                    rs.getString(2),
                    Optional.ofNullable(rs.getString(3)),
                    Optional.ofNullable(rs.getObject(4, LocalDate.class))))
        .list();
  }
}
