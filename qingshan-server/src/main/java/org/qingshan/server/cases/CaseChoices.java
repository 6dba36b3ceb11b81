package org.qingshan.server.cases;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentRepository;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The choices of the case forms: whom to hand a case to, the towns, the enterprises. */
@Component
class CaseChoices {
  private final JdbcClient jdbc;
  private final DepartmentRepository departments;
  private final EnterpriseRepository enterprises;
  private final Optional<HandlerGrids> grids;

  CaseChoices(
      JdbcClient jdbc,
      DepartmentRepository departments,
      EnterpriseRepository enterprises,
      ObjectProvider<HandlerGrids> grids) {
    this.jdbc = jdbc;
    this.departments = departments;
    this.enterprises = enterprises;
    this.grids = Optional.ofNullable(grids.getIfAvailable());
  }

  /**
   * A person a case may be handed to.
   *
   * @param grids the grids a grid member serves, joined for display ("" for none)
   * @param ofCase a member of the case's own grid (or its enterprise's), listed first
   */
  record Handler(String username, String displayName, String grids, boolean ofCase) {}

  /** The hands in the field for a case: the members of its grid first, each with their grids. */
  List<Handler> handlers(CaseFile c) {
    Map<String, List<String>> gridNames =
        grids.map(HandlerGrids::gridNamesByMember).orElse(Map.of());
    Set<String> ofCase =
        grids.map(g -> g.membersFor(c.gridId(), c.enterpriseId())).orElse(Set.of());
    return handlers().stream()
        .map(
            h ->
                new Handler(
                    h.username(),
                    h.displayName(),
                    String.join("、", gridNames.getOrDefault(h.username(), List.of())),
                    ofCase.contains(h.username())))
        .sorted(Comparator.comparing((Handler h) -> !h.ofCase()))
        .toList();
  }

  /** Enabled grid members and department liaisons: the hands in the field. */
  List<Handler> handlers() {
    return jdbc.sql(
            "SELECT DISTINCT u.username, u.display_name FROM app_user u"
                + " JOIN app_user_role r ON r.user_id = u.id"
                + " WHERE u.enabled AND r.role IN ('GRID_MEMBER', 'LIAISON')"
                + " ORDER BY u.display_name, u.username")
        .query((rs, n) -> new Handler(rs.getString(1), rs.getString(2), "", false))
        .list();
  }

  List<Department> departments() {
    return departments.findAllActive();
  }

  /** Towns and streets, where cases are counted. */
  List<Department> towns() {
    return departments.findAllActive().stream()
        .filter(d -> d.kind() == DepartmentKind.TOWN || d.kind() == DepartmentKind.STREET)
        .toList();
  }

  List<Enterprise> enterprises() {
    return enterprises.findAll();
  }

  Map<Long, String> enterpriseNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    enterprises.findAll().forEach(e -> names.put(e.id(), e.name()));
    return names;
  }

  Map<Long, String> departmentNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    departments.findAllActive().forEach(d -> names.put(d.id(), d.name()));
    return names;
  }
}
