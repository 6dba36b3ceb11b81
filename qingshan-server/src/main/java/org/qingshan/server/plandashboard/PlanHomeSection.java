package org.qingshan.server.plandashboard;

import static org.qingshan.server.security.Role.LEADER;
import static org.qingshan.server.security.Role.PLANNER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.security.CurrentUser;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageSection;
import org.springframework.stereotype.Component;

/**
 * The plans on the leader's and the planner's home page: one part per published plan in force,
 * named, with its figures; the leader's also with the dashboard's essentials (the departments at
 * the top and the bottom of the ranking, tasks by chapter, indicators by status) and the way to the
 * whole dashboard.
 */
@Component
class PlanHomeSection implements PageSection {
  /** How many departments the home page shows at each end of the ranking. */
  static final int RANKING_ENDS = 3;

  private final PlanDashboardService dashboards;
  private final CurrentUser user;
  private final Messages messages;
  private final ObjectMapper json;

  PlanHomeSection(
      PlanDashboardService dashboards, CurrentUser user, Messages messages, ObjectMapper json) {
    this.dashboards = dashboards;
    this.user = user;
    this.messages = messages;
    this.json = json;
  }

  /** One plan on the home page. */
  public record PlanFigures(
      PlanDashboard dashboard,
      List<PlanDashboard.Department> top,
      List<PlanDashboard.Department> bottom,
      Map<String, Long> indicatorStatuses,
      String chapterChart) {}

  @Override
  public String page() {
    return HOME;
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public String fragment() {
    return "plandashboard/home :: plans";
  }

  @Override
  public Optional<Map<String, Object>> model(long id) {
    boolean leader = user.principal().map(p -> p.has(LEADER)).orElse(false);
    boolean planner = user.principal().map(p -> p.has(PLANNER)).orElse(false);
    if (!leader && !planner) {
      return Optional.empty();
    }
    List<PlanFigures> plans = new ArrayList<>();
    for (PlanDashboard d : dashboards.inForce()) {
      plans.add(figures(d));
    }
    return Optional.of(Map.of("plans", plans, "full", leader, "path", PlanDashboardFeature.PATH));
  }

  private PlanFigures figures(PlanDashboard d) {
    // the ranking of the departments that lead tasks: one only supporting has no rate to rank
    List<PlanDashboard.Department> ranked =
        d.departments().stream().filter(x -> x.assigned() > 0).toList();
    List<PlanDashboard.Department> top;
    List<PlanDashboard.Department> bottom;
    if (ranked.size() <= 2 * RANKING_ENDS) {
      top = ranked;
      bottom = List.of();
    } else {
      top = ranked.subList(0, RANKING_ENDS);
      bottom = ranked.subList(ranked.size() - RANKING_ENDS, ranked.size());
    }
    Map<String, Long> statuses = new LinkedHashMap<>();
    for (IndicatorStatus s : IndicatorStatus.values()) {
      statuses.put(
          messages.label(s),
          d.indicators().stream().filter(i -> i.status().equals(Optional.of(s))).count());
    }
    statuses.put(
        messages.get("plandashboard.home.unjudged"),
        d.indicators().stream().filter(i -> i.status().isEmpty()).count());
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put(
        "statuses",
        messages.all(
            "DispatchTaskStatus.NOT_STARTED",
            "DispatchTaskStatus.IN_PROGRESS",
            "DispatchTaskStatus.DONE",
            "DispatchTaskStatus.BEHIND"));
    chart.put("chapters", d.chapters());
    try {
      return new PlanFigures(d, top, bottom, statuses, json.writeValueAsString(chart));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
