package org.qingshan.server.plandispatch;

import java.util.Optional;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.plan.PlanDepartments;
import org.springframework.stereotype.Component;

/**
 * Unit names of a plan matched to departments exactly as the import review page matches them
 * ({@link PlanDepartments}), and a department named in a query.
 */
@Component
class PlanDispatchDepartments {
  private final DepartmentService departments;
  private final PlanDepartments matching;

  PlanDispatchDepartments(DepartmentService departments, PlanDepartments matching) {
    this.departments = departments;
    this.matching = matching;
  }

  DepartmentDirectory directoryFor(String title) {
    return matching.directoryFor(title);
  }

  /** The department a name (or an id typed as digits) stands for, for a query parameter. */
  Optional<Department> find(String nameOrId) {
    String s = nameOrId.strip();
    if (s.matches("\\d{1,18}")) {
      return departments.find(Long.parseLong(s));
    }
    return departments.resolve(s);
  }
}
