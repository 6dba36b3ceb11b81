package org.qingshan.server.grid;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentForm;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.TestEnterprises;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;

/**
 * Grids, members, towns and enterprises of unique names for the grid tests on the shared server.
 */
final class GridTestData {
  static final String PASSWORD = "grid-test-123456";
  private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 10_000));
  private final GridService grids;
  private final UserService users;
  private final DepartmentService departments;
  private final EnterpriseRepository enterprises;

  GridTestData(
      GridService grids,
      UserService users,
      DepartmentService departments,
      EnterpriseRepository enterprises) {
    this.grids = grids;
    this.users = users;
    this.departments = departments;
    this.enterprises = enterprises;
  }

  static String unique(String prefix) {
    return prefix + SERIAL.incrementAndGet();
  }

  /**
   * A square polygon of side 0.1° at a corner no other test uses (over the sea, far from the demo
   * county), so that its assignments are this test's alone.
   */
  static String square(double lng, double lat) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%1$f,%2$f],[%3$f,%2$f],[%3$f,%4$f],[%1$f,%4$f],[%1$f,%2$f]]]}",
        lng,
        lat,
        lng + 0.1,
        lat + 0.1);
  }

  /** A corner unique to the calling test. */
  static double[] corner() {
    int n = SERIAL.incrementAndGet();
    return new double[] {100 + (n % 350) * 0.2, 10 + (n / 350 % 50) * 0.2};
  }

  Grid grid(String name, int level, Long parent, Long department, String geometry) {
    return grids.create(new GridForm(name, level, parent, department, geometry));
  }

  AppUser member(String displayName) {
    return user(displayName, Role.GRID_MEMBER);
  }

  AppUser user(String displayName, Role role) {
    return users.create(
        new UserForm(unique("gt"), displayName, null, "", EnumSet.of(role), true, PASSWORD), false);
  }

  Department town(String name) {
    return departments.create(new DepartmentForm(name, DepartmentKind.TOWN, null, 0));
  }

  Enterprise enterprise(String name, Optional<String> town, Double lng, Double lat) {
    Enterprise e =
        TestEnterprises.of(
            name, TestEnterprises.uniqueCreditCode(), Optional.empty(), Optional.empty(), town);
    Enterprise located =
        new Enterprise(
            0,
            e.name(),
            e.creditCode(),
            e.industryCode(),
            e.industryName(),
            e.address(),
            e.town(),
            e.grid(),
            e.departmentId(),
            Optional.ofNullable(lng),
            Optional.ofNullable(lat),
            Set.of(),
            e.permitNumber(),
            e.permitClass(),
            e.permitValidFrom(),
            e.permitValidTo(),
            e.contactName(),
            e.contactPhone());
    long id = enterprises.insert(located);
    return enterprises.findById(id).orElseThrow();
  }
}
