package org.qingshan.server.plan;

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
 * Unit names of a plan matched to departments: the alias table read once per page, each name
 * compared as the department feature compares names, else by the plan module's name key (county
 * prefix, short forms) for the county of the plan's title.
 */
@Component
public class PlanDepartments {
  private final DepartmentService departments;

  PlanDepartments(DepartmentService departments) {
    this.departments = departments;
  }

  /** The departments of this moment, for a plan with {@code title}. */
  Resolver forPlan(String title) {
    DepartmentTree tree = departments.tree();
    return new Resolver(directory(title, tree), tree);
  }

  /**
   * The directory of this moment for a plan with {@code title}, resolving to departments still in
   * the tree; plan dispatch stores tasks by the same matching the review page shows.
   */
  public DepartmentDirectory directoryFor(String title) {
    DepartmentTree tree = departments.tree();
    DepartmentDirectory byAlias = directory(title, tree);
    return name -> byAlias.resolve(name).filter(id -> tree.find(Long.parseLong(id)).isPresent());
  }

  private DepartmentDirectory directory(String title, DepartmentTree tree) {
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
    return DepartmentDirectory.ofAliases(
        aliases, DepartmentNames::normalize, DepartmentNameKey.countyOf(title));
  }

  /** Resolves names to departments; also lists the departments a planner may pick. */
  record Resolver(DepartmentDirectory directory, DepartmentTree tree) {
    Optional<Department> resolve(String name) {
      return directory.resolve(name).flatMap(id -> tree.find(Long.parseLong(id)));
    }

    List<DepartmentTree.Node> choices() {
      return tree.nodes();
    }
  }
}
