package org.qingshan.server.grid;

import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.PageSection;
import org.springframework.stereotype.Component;

/** 一企一档's 所属网格: the enterprise's grid, its path and members (网格员 by name). */
@Component
class GridSections implements PageSection {
  private final GridRepository repository;
  private final GridService grids;
  private final GridSettings settings;

  GridSections(GridRepository repository, GridService grids, GridSettings settings) {
    this.repository = repository;
    this.grids = grids;
    this.settings = settings;
  }

  @Override
  public String page() {
    return ENTERPRISE;
  }

  @Override
  public int order() {
    return 150;
  }

  @Override
  public String fragment() {
    return "grid/section :: enterprise";
  }

  @Override
  public Optional<Map<String, Object>> model(long id) {
    Optional<EnterpriseAssignment> a = repository.assignmentOf(id);
    if (a.isEmpty()) {
      return Optional.of(Map.of("assigned", false));
    }
    Grid g = grids.get(a.get().gridId());
    return Optional.of(
        Map.of(
            "assigned",
            true,
            "grid",
            g,
            "path",
            grids.path(g, grids.byId()),
            "levelName",
            settings.levelName(g.level()),
            "how",
            a.get().how(),
            "members",
            repository.members(g.id())));
  }
}
