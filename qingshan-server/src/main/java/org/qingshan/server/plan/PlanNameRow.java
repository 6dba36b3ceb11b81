package org.qingshan.server.plan;

import java.util.Optional;
import org.qingshan.server.department.Department;

/** A unit name of an imported plan, how many tasks name it, and the department it resolved to. */
public record PlanNameRow(String name, long tasks, Optional<Department> department) {

  public boolean resolved() {
    return department.isPresent();
  }
}
