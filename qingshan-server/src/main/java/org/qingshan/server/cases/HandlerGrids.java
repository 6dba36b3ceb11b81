package org.qingshan.server.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the hands in the field serve, told to the cases feature by the grids feature (which is
 * built on cases): the dispatcher sees each grid member's grids and the members of the case's own
 * grid first. Without grids every answer is empty.
 */
public interface HandlerGrids {
  /** The names of the grids each grid member serves, by user name. */
  Map<String, List<String>> gridNamesByMember();

  /** The user names of the members of the case's grid, or of the grid its enterprise is in. */
  Set<String> membersFor(Optional<Long> gridId, Optional<Long> enterpriseId);
}
