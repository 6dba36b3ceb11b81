package org.qingshan.server.plandispatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.plan.common.DepartmentDirectory;
import org.qingshan.plan.common.DepartmentNameKey;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentAlias;
import org.qingshan.server.department.DepartmentNames;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.department.DepartmentTree;
import org.springframework.stereotype.Component;

/**
 * Unit names of a plan matched to departments as the import review page matches them: the alias
 * table and the department names, compared exactly first, then by the plan module's name key for
 * the county of the plan's title. (The review page's matcher is its package's own; this one is kept
 * apart so the two features do not depend on each other.)
 */
@Component
class PlanDispatchDepartments {
  private final DepartmentService departments;

  PlanDispatchDepartments(DepartmentService departments) {
    this.departments = departments;
  }

  DepartmentDirectory directoryFor(String title) {
    DepartmentTree tree = departments.tree();
    Map<String, String> aliases = new HashMap<>();
    for (Map.Entry<Long, List<DepartmentAlias>> entry :
        departments.aliasesByDepartment().entrySet()) {
      if (tree.find(entry.getKey()).isEmpty()) {
        continue; // merged or inactive: its aliases moved to the target
      }
      entry
          .getValue()
          .forEach(a -> aliases.putIfAbsent(a.alias(), Long.toString(a.departmentId())));
    }
    tree.nodes()
        .forEach(
            n -> aliases.putIfAbsent(n.department().name(), Long.toString(n.department().id())));
    DepartmentDirectory byAlias =
        DepartmentDirectory.ofAliases(
            aliases, DepartmentNames::normalize, DepartmentNameKey.countyOf(title));
    return name -> byAlias.resolve(name).filter(id -> tree.find(Long.parseLong(id)).isPresent());
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
