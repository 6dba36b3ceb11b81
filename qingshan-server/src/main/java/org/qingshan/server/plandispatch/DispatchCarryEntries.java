package org.qingshan.server.plandispatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What was entered on a published version while its correction was a draft: indicators' yearly
 * values (with their source) and key projects' progress, actual investment and milestones. 修订
 * copies them when the draft is made; on publishing, the new version takes the superseded version's
 * entries as they are then, so a value or a progress entered on the published version in the
 * meantime is not lost. An entry the planner made on the draft itself (entered after the draft was
 * made) wins over the superseded version's. A milestone the new version lacks (added to the
 * superseded version in the meantime) is added. Indicators are found by number and name (else by
 * name alone), projects and milestones by the copy's lineage, else by name (and due date).
 */
@Repository
class DispatchCarryEntries {
  private final JdbcClient jdbc;

  DispatchCarryEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What was carried, each as the audit entry lists it (name, year or milestone, and value). */
  record Entries(List<String> values, List<String> projects, List<String> milestones) {
    Entries {
      values = List.copyOf(values);
      projects = List.copyOf(projects);
      milestones = List.copyOf(milestones);
    }

    boolean isEmpty() {
      return values.isEmpty() && projects.isEmpty() && milestones.isEmpty();
    }
  }

  private record Indicator(long id, String no, String name) {}

  private record Value(
      long indicatorId,
      int year,
      BigDecimal amount,
      String source,
      String enteredBy,
      OffsetDateTime enteredAt) {}

  private record Project(
      long id,
      String name,
      Optional<Integer> progress,
      Optional<BigDecimal> actual,
      Optional<OffsetDateTime> progressAt) {}

  private record Milestone(
      long id,
      String name,
      Optional<LocalDate> due,
      Optional<LocalDate> done,
      Optional<OffsetDateTime> doneAt) {}

  /**
   * Carries the entries of version {@code from} to version {@code to}, a draft made at {@code
   * draftMadeAt}.
   */
  Entries carry(long from, long to, OffsetDateTime draftMadeAt) {
    List<String> values = values(from, to, draftMadeAt);
    List<String> projects = new ArrayList<>();
    List<String> milestones = new ArrayList<>();
    List<Project> fresh = projects(to);
    Lineage origins = projectOrigins(to);
    Set<Long> taken = new HashSet<>();
    for (Project o : projects(from)) {
      Optional<Project> n =
          fresh.stream()
              .filter(x -> !taken.contains(x.id()))
              .filter(x -> origins.related(x.id(), o.id()))
              .findFirst()
              .or(
                  () ->
                      fresh.stream()
                          .filter(x -> !taken.contains(x.id()) && x.name().equals(o.name()))
                          .findFirst());
      if (n.isEmpty()) {
        continue;
      }
      taken.add(n.get().id());
      progress(o, n.get(), draftMadeAt).ifPresent(projects::add);
      milestones.addAll(milestones(o, n.get(), draftMadeAt));
    }
    return new Entries(values, projects, milestones);
  }

  // ---- indicator values

  private List<String> values(long from, long to, OffsetDateTime draftMadeAt) {
    List<Indicator> fresh = indicators(to);
    Map<Long, Indicator> pairs = new HashMap<>();
    Set<Long> taken = new HashSet<>();
    List<Indicator> old = indicators(from);
    for (Indicator o : old) {
      fresh.stream()
          .filter(
              x -> !taken.contains(x.id()) && x.no().equals(o.no()) && x.name().equals(o.name()))
          .findFirst()
          .ifPresent(
              x -> {
                pairs.put(o.id(), x);
                taken.add(x.id());
              });
    }
    for (Indicator o : old) {
      if (pairs.containsKey(o.id())) {
        continue;
      }
      List<Indicator> named =
          fresh.stream().filter(x -> !taken.contains(x.id()) && x.name().equals(o.name())).toList();
      if (named.size() == 1) {
        pairs.put(o.id(), named.get(0));
        taken.add(named.get(0).id());
      }
    }
    Map<String, Value> now = new HashMap<>();
    values(to).forEach(v -> now.put(v.indicatorId() + "/" + v.year(), v));
    List<String> carried = new ArrayList<>();
    for (Value v : values(from)) {
      Indicator n = pairs.get(v.indicatorId());
      if (n == null) {
        continue;
      }
      Value there = now.get(n.id() + "/" + v.year());
      boolean same =
          there != null
              && there.amount().compareTo(v.amount()) == 0
              && there.source().equals(v.source());
      if (same || (there != null && there.enteredAt().isAfter(draftMadeAt))) {
        continue; // already the version's, or the planner's correction on the draft
      }
      jdbc.sql("DELETE FROM dispatch_indicator_value WHERE indicator_id = :i AND value_year = :y")
          .param("i", n.id())
          .param("y", v.year())
          .update();
      jdbc.sql(
              "INSERT INTO dispatch_indicator_value (indicator_id, value_year, amount, source,"
                  + " entered_by, entered_at) VALUES (:i, :y, :v, :s, :by, :at)")
          .param("i", n.id())
          .param("y", v.year())
          .param("v", v.amount())
          .param("s", v.source())
          .param("by", v.enteredBy())
          .param("at", v.enteredAt())
          .update();
      carried.add(
          n.name()
              + " "
              + v.year()
              + "："
              + v.amount().stripTrailingZeros().toPlainString()
              + "（"
              + v.source()
              + "）");
    }
    return carried;
  }

  private List<Indicator> indicators(long planId) {
    return jdbc.sql(
            "SELECT id, no, name FROM dispatch_indicator WHERE plan_id = :p ORDER BY position")
        .param("p", planId)
        .query((rs, n) -> new Indicator(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  private List<Value> values(long planId) {
    return jdbc.sql(
            "SELECT v.indicator_id, v.value_year, v.amount, v.source, v.entered_by, v.entered_at"
                + " FROM dispatch_indicator_value v JOIN dispatch_indicator i ON i.id ="
                + " v.indicator_id WHERE i.plan_id = :p ORDER BY i.position, v.value_year")
        .param("p", planId)
        .query(
            (rs, n) ->
                new Value(
                    rs.getLong(1),
                    rs.getInt(2),
                    rs.getBigDecimal(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class)))
        .list();
  }

  // ---- key projects

  /** The old project's progress and actual investment onto the new one; what was carried. */
  private Optional<String> progress(Project o, Project n, OffsetDateTime draftMadeAt) {
    if (o.progress().isEmpty()
        || n.progressAt().filter(at -> at.isAfter(draftMadeAt)).isPresent()
        || (o.progress().equals(n.progress()) && same(o.actual(), n.actual()))) {
      return Optional.empty();
    }
    jdbc.sql(
            "UPDATE dispatch_project SET progress = :p, actual_investment = :a, progress_at = :at,"
                + " version = version + 1 WHERE id = :id")
        .param("p", o.progress().get())
        .param("a", o.actual().orElse(null))
        .param("at", o.progressAt().orElse(null))
        .param("id", n.id())
        .update();
    return Optional.of(
        n.name()
            + "："
            + o.progress().get()
            + "%"
            + o.actual().map(a -> "，" + a.stripTrailingZeros().toPlainString()).orElse(""));
  }

  private static boolean same(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
  }

  /** The old project's milestones onto the new one: completions, and those it lacks. */
  private List<String> milestones(Project o, Project n, OffsetDateTime draftMadeAt) {
    List<Milestone> fresh = milestones(n.id());
    Lineage origins = milestoneOrigins(n.id()).with(milestoneOrigins(o.id()));
    Set<Long> taken = new HashSet<>();
    List<String> carried = new ArrayList<>();
    for (Milestone m : milestones(o.id())) {
      Optional<Milestone> there =
          fresh.stream()
              .filter(x -> !taken.contains(x.id()))
              .filter(x -> origins.related(x.id(), m.id()))
              .findFirst()
              .or(
                  () ->
                      fresh.stream()
                          .filter(x -> !taken.contains(x.id()))
                          .filter(x -> x.name().equals(m.name()) && x.due().equals(m.due()))
                          .findFirst());
      String label = n.name() + " " + m.name() + m.due().map(d -> " " + d).orElse("");
      if (there.isEmpty()) {
        // added to the superseded version while the draft was open
        jdbc.sql(
                "INSERT INTO dispatch_milestone (project_id, name, due, done, done_at,"
                    + " origin_milestone_id) VALUES (:p, :n, :due, :done, :at, :o)")
            .param("p", n.id())
            .param("n", m.name())
            .param("due", m.due().orElse(null))
            .param("done", m.done().orElse(null))
            .param("at", m.doneAt().orElse(null))
            .param("o", m.id())
            .update();
        carried.add(label + m.done().map(d -> " ✓" + d).orElse(""));
        continue;
      }
      Milestone x = there.get();
      taken.add(x.id());
      if (m.done().equals(x.done())
          || x.doneAt().filter(at -> at.isAfter(draftMadeAt)).isPresent()) {
        continue;
      }
      jdbc.sql("UPDATE dispatch_milestone SET done = :done, done_at = :at WHERE id = :id")
          .param("done", m.done().orElse(null))
          .param("at", m.doneAt().orElse(null))
          .param("id", x.id())
          .update();
      carried.add(label + " ✓" + m.done().map(Object::toString).orElse("—"));
    }
    return carried;
  }

  private List<Project> projects(long planId) {
    return jdbc.sql(
            "SELECT id, name, progress, actual_investment, progress_at FROM dispatch_project"
                + " WHERE plan_id = :p ORDER BY position, id")
        .param("p", planId)
        .query(
            (rs, n) -> {
              int progress = rs.getInt(3);
              Optional<Integer> pct = rs.wasNull() ? Optional.empty() : Optional.of(progress);
              return new Project(
                  rs.getLong(1),
                  rs.getString(2),
                  pct,
                  Optional.ofNullable(rs.getBigDecimal(4)),
                  Optional.ofNullable(rs.getObject(5, OffsetDateTime.class)));
            })
        .list();
  }

  /** Each project's origin across the versions of the plan {@code planId} belongs to. */
  private Lineage projectOrigins(long planId) {
    return Lineage.read(
        jdbc,
        "SELECT x.id, x.origin_project_id FROM dispatch_project x JOIN dispatch_plan p ON p.id"
            + " = x.plan_id WHERE x.origin_project_id IS NOT NULL AND p.series_id = (SELECT"
            + " series_id FROM dispatch_plan WHERE id = :p)",
        Map.of("p", planId));
  }

  private List<Milestone> milestones(long projectId) {
    return jdbc.sql(
            "SELECT id, name, due, done, done_at FROM dispatch_milestone WHERE project_id = :p"
                + " ORDER BY id")
        .param("p", projectId)
        .query(
            (rs, n) ->
                new Milestone(
                    rs.getLong(1),
                    rs.getString(2),
                    Optional.ofNullable(rs.getObject(3, LocalDate.class)),
                    Optional.ofNullable(rs.getObject(4, LocalDate.class)),
                    Optional.ofNullable(rs.getObject(5, OffsetDateTime.class))))
        .list();
  }

  /**
   * The origins of the milestones of a project and of the projects it descends from (a milestone's
   * copies follow its project's).
   */
  private Lineage milestoneOrigins(long projectId) {
    Lineage origins = Lineage.NONE;
    Optional<Long> at = Optional.of(projectId);
    // a copy's origin is always an older row: the bound only guards against damaged data
    for (int i = 0; i < 1000 && at.isPresent(); i++) {
      origins =
          origins.with(
              Lineage.read(
                  jdbc,
                  "SELECT id, origin_milestone_id FROM dispatch_milestone WHERE project_id = :p"
                      + " AND origin_milestone_id IS NOT NULL",
                  Map.of("p", at.get())));
      at =
          jdbc.sql("SELECT origin_project_id FROM dispatch_project WHERE id = :p")
              .param("p", at.get())
              .query((rs, n) -> Optional.ofNullable((Number) rs.getObject(1)))
              .single()
              .map(Number::longValue);
    }
    return origins;
  }
}
