package org.qingshan.server.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingshan.server.cases.HandlerGrids;
import org.springframework.stereotype.Component;

/** The grids of the grid members, for the dispatcher choosing who handles a case. */
@Component
class GridHandlers implements HandlerGrids {
  private final GridRepository grids;

  GridHandlers(GridRepository grids) {
    this.grids = grids;
  }

  @Override
  public Map<String, List<String>> gridNamesByMember() {
    Map<Long, String> names =
        grids.all().stream().collect(Collectors.toMap(Grid::id, Grid::name, (a, b) -> a));
    Map<String, List<String>> byMember = new LinkedHashMap<>();
    for (GridMember m : grids.allMembers()) {
      byMember
          .computeIfAbsent(m.username(), u -> new ArrayList<>())
          .add(names.getOrDefault(m.gridId(), ""));
    }
    return byMember;
  }

  @Override
  public Set<String> membersFor(Optional<Long> gridId, Optional<Long> enterpriseId) {
    Optional<Long> grid =
        gridId.or(() -> enterpriseId.flatMap(grids::assignmentOf).map(a -> a.gridId()));
    return grid.map(
            g -> grids.members(g).stream().map(GridMember::username).collect(Collectors.toSet()))
        .orElse(Set.of());
  }
}
