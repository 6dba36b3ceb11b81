package org.qingshan.server.plandispatch;

import java.util.Optional;

/**
 * A unit a task names: the name as the plan writes it, and the department it resolved to (empty: no
 * department or alias matched; the name is kept as text).
 */
public record DispatchUnit(
    DispatchUnitRole role, String name, Optional<Long> departmentId, Optional<String> department) {

  /** The department's name when resolved, else the name as written. */
  public String shown() {
    return department.orElse(name);
  }
}
