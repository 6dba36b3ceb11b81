package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
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
 * go to one new task at most; a task the new version dropped (merged into another, or gone from the
 * replacing file) keeps its reports in the old version only.
 */
@Repository
class DispatchCarry {
  private final JdbcClient jdbc;

  DispatchCarry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What was carried: tasks matched, reports copied, their figures and files, figures dropped. */
  record Carried(int tasks, int reports, int figures, int files, int droppedFigures) {
    static final Carried NONE = new Carried(0, 0, 0, 0, 0);

    Carried plus(Carried o) {
      return new Carried(
          tasks + o.tasks,
          reports + o.reports,
          figures + o.figures,
          files + o.files,
          droppedFigures + o.droppedFigures);
    }
  }

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
    Map<Long, Long> pairs = match(old, fresh, origins(to));
    Map<Long, Node> oldById = new HashMap<>();
    old.forEach(n -> oldById.put(n.id(), n));
    Carried carried = Carried.NONE;
    for (Map.Entry<Long, Long> pair : pairs.entrySet()) {
      Node o = oldById.get(pair.getValue());
      jdbc.sql("UPDATE dispatch_task SET status = :s, updated_at = :at WHERE id = :id")
          .param("s", o.status())
          .param("at", o.updatedAt().orElse(null))
          .param("id", pair.getKey())
          .update();
      carried = carried.plus(reports(o.id(), pair.getKey()));
    }
    return carried;
  }

  /** The new version's tasks (new id → old id), by lineage first, then by kind and title. */
  private static Map<Long, Long> match(List<Node> old, List<Node> fresh, Map<Long, Long> origins) {
    Map<Long, Node> oldByRoot = new LinkedHashMap<>();
    old.forEach(o -> oldByRoot.putIfAbsent(root(o.id(), origins), o));
    Map<Long, Long> pairs = new LinkedHashMap<>();
    Set<Long> taken = new HashSet<>();
    for (Node n : fresh) {
      if (n.origin().isEmpty()) {
        continue;
      }
      Node o = oldByRoot.get(root(n.id(), origins));
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

  /** The first task a task descends from through the copies of revisions (itself when none). */
  private static long root(long id, Map<Long, Long> origins) {
    long at = id;
    // a copy's origin is always an older row: the bound only guards against damaged data
    for (int i = 0; i < 1000 && origins.containsKey(at); i++) {
      at = origins.get(at);
    }
    return at;
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
  private Map<Long, Long> origins(long planId) {
    Map<Long, Long> origins = new HashMap<>();
    jdbc.sql(
            "SELECT t.id, t.origin_task_id FROM dispatch_task t JOIN dispatch_plan p ON p.id ="
                + " t.plan_id WHERE t.origin_task_id IS NOT NULL AND p.series_id = (SELECT"
                + " series_id FROM dispatch_plan WHERE id = :p)")
        .param("p", planId)
        .query(
            (rs, n) -> {
              origins.put(rs.getLong(1), rs.getLong(2));
              return null;
            })
        .list();
    return origins;
  }

  /**
   * Copies the reports on {@code from} to {@code to} in the order they were made, each with its
   * files (the same stored file: nothing is written to disk) and its figures, a figure's target
   * found again in the new task ({@link #targetPositions}); a figure whose target the new task no
   * longer has is left out.
   */
  private Carried reports(long from, long to) {
    Map<Integer, Integer> positions = targetPositions(from, to);
    List<Long> reports =
        jdbc.sql("SELECT id FROM dispatch_progress WHERE task_id = :t ORDER BY id")
            .param("t", from)
            .query(Long.class)
            .list();
    int figures = 0;
    int dropped = 0;
    int files = 0;
    for (long report : reports) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql(
              "INSERT INTO dispatch_progress (task_id, department_id, role, status, text,"
                  + " reported_by, reported_at, origin_progress_id) SELECT :to, department_id,"
                  + " role, status, text, reported_by, reported_at, id FROM dispatch_progress"
                  + " WHERE id = :id")
          .param("to", to)
          .param("id", report)
          .update(keys, "id");
      long copy = keys.getKey().longValue();
      files +=
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
    }
    return new Carried(1, reports.size(), figures, files, dropped);
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
