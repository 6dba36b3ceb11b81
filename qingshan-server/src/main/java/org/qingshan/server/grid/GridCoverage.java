package org.qingshan.server.grid;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.springframework.stereotype.Component;

/**
 * 覆盖情况: enterprises in no grid, grids without (enough) members, and members behind their patrol
 * plan in the week of a given day, counted from its Monday up to and including that day (in the
 * county's zone).
 */
@Component
public class GridCoverage {
  private final GridRepository repository;
  private final EnterpriseRepository enterprises;
  private final GridSettings settings;
  private final ZoneId zone;

  GridCoverage(
      GridRepository repository,
      EnterpriseRepository enterprises,
      GridSettings settings,
      ZoneId zone) {
    this.repository = repository;
    this.enterprises = enterprises;
    this.settings = settings;
    this.zone = zone;
  }

  /** A grid with fewer members than wanted; {@code uncovered} when below the minimum. */
  public record Understaffed(Grid grid, int members, boolean uncovered) {}

  /** A member who did fewer patrols of a grid than their plan asks by the day. */
  public record Behind(Grid grid, GridMember member, PatrolPlan plan, int due, int done) {}

  /** The whole picture on one day. */
  public record Report(
      LocalDate day,
      LocalDate weekStart,
      List<Enterprise> unassigned,
      List<Understaffed> understaffed,
      List<Behind> behind,
      int grids,
      int members,
      int enterprisesTotal) {

    public long uncoveredGrids() {
      return understaffed.stream().filter(Understaffed::uncovered).count();
    }
  }

  public Report on(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<Grid> grids = repository.all();
    List<GridMember> memberships = repository.allMembers();
    Map<Long, List<GridMember>> byGrid = new HashMap<>();
    memberships.forEach(m -> byGrid.computeIfAbsent(m.gridId(), k -> new ArrayList<>()).add(m));

    Map<Long, EnterpriseAssignment> assigned = repository.assignments();
    List<Enterprise> all = enterprises.findAll();
    List<Enterprise> unassigned =
        all.stream()
            .filter(e -> !assigned.containsKey(e.id()))
            .sorted(Comparator.comparing(Enterprise::name))
            .toList();

    List<Understaffed> understaffed = new ArrayList<>();
    for (Grid g : grids) {
      int n =
          (int) byGrid.getOrDefault(g.id(), List.of()).stream().filter(GridMember::enabled).count();
      if (n < settings.recommendedMembers() || n < settings.minMembers()) {
        understaffed.add(new Understaffed(g, n, n < settings.minMembers()));
      }
    }

    OffsetDateTime from = monday.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    Map<String, Integer> counts = repository.patrolCounts(from, to);
    List<Behind> behind = new ArrayList<>();
    for (Grid g : grids) {
      PatrolPlan plan = settings.plan(g.level());
      int due = plan.dueBy(day);
      for (GridMember m : byGrid.getOrDefault(g.id(), List.of())) {
        if (!m.enabled()) {
          continue;
        }
        int done = counts.getOrDefault(GridRepository.key(g.id(), m.username()), 0);
        if (done < due) {
          behind.add(new Behind(g, m, plan, due, done));
        }
      }
    }
    return new Report(
        day,
        monday,
        unassigned,
        understaffed,
        behind,
        grids.size(),
        (int) memberships.stream().map(GridMember::userId).distinct().count(),
        all.size());
  }

  /** Patrols a member did of a grid in the week of the day, up to and including it. */
  public int doneThisWeek(long gridId, String username, LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return repository
        .patrolCounts(
            monday.atStartOfDay(zone).toOffsetDateTime(),
            day.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
        .getOrDefault(GridRepository.key(gridId, username), 0);
  }
}
