package org.qingshan.server.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.grid.Grid;
import org.qingshan.server.grid.GridGeometry;
import org.qingshan.server.grid.GridService;
import org.qingshan.server.grid.GridSettings;
import org.qingshan.server.grid.PatrolPlan;
import org.qingshan.server.grid.PatrolService;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserRepository;
import org.qingshan.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's grids: generated from its towns and villages (drawn from the map outline where
 * it has them), grid members for most of them (赵强 of 青山镇 among them; 东湖镇 and the streets left
 * without, so the coverage page shows them), the enterprises placed by location, and three weeks of
 * patrols by plan, but for 赵强, who is behind this week. Created once, after the pollution sources.
 */
@Component
@Order(40)
class DemoGrids implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoGrids.class);
  private static final int WEEKS = 3;

  /** A demo grid member: user name, name, department, the grids they serve (by department). */
  private record Member(
      String username, String displayName, String department, List<String> grids) {}

  private static final List<Member> MEMBERS =
      List.of(
          new Member("grid", "网格员 赵强", "青山镇", List.of("青山镇")),
          new Member("grid-sunli", "网格员 孙丽", "青山镇", List.of("青山镇")),
          new Member("grid-zhenghua", "网格员 郑华", "青山镇", List.of("青山村", "南岭村")),
          new Member("grid-zhoumin", "网格员 周敏", "白河镇", List.of("白河镇", "白河村")),
          new Member("grid-wulei", "网格员 吴磊", "柳林镇", List.of("柳林镇")),
          new Member("grid-qianjin", "网格员 钱进", "示范县生态环境分局", List.of("示范县人民政府")));

  private static final List<String> FINDINGS =
      List.of("未发现问题", "企业治污设施正常运行", "道路扬尘已洒水抑尘", "河道沿线未见排污口异常", "秸秆禁烧巡查，未见焚烧");

  private final boolean enabled;
  private final GridService grids;
  private final PatrolService patrols;
  private final GridSettings settings;
  private final DepartmentService departments;
  private final UserService userService;
  private final UserRepository users;
  private final Clock clock;
  private final ZoneId zone;

  DemoGrids(
      QingshanProperties properties,
      GridService grids,
      PatrolService patrols,
      GridSettings settings,
      DepartmentService departments,
      UserService userService,
      UserRepository users,
      Clock clock,
      ZoneId zone) {
    this.enabled = properties.demo();
    this.grids = grids;
    this.patrols = patrols;
    this.settings = settings;
    this.departments = departments;
    this.userService = userService;
    this.users = users;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled || !grids.all().isEmpty() || departments.resolve("青山镇").isEmpty()) {
      return;
    }
    grids.generateFromDepartments();
    Map<Long, Grid> byDepartment = new HashMap<>();
    grids.all().forEach(g -> g.departmentId().ifPresent(d -> byDepartment.putIfAbsent(d, g)));
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int n = 0;
    for (Member m : MEMBERS) {
      AppUser user = user(m);
      for (String place : m.grids()) {
        Optional<Grid> grid = departments.resolve(place).map(d -> byDepartment.get(d.id()));
        if (grid.isEmpty()) {
          continue;
        }
        grids.addMember(grid.get().id(), user.username());
        // 赵强 keeps up in the weeks before but has not patrolled this week
        LocalDate until = m.username().equals("grid") ? thisMonday.minusDays(1) : today;
        n += patrols(grid.get(), user, thisMonday.minusWeeks(WEEKS), until);
      }
    }
    GridService.Assigned a = grids.assignByLocation();
    log.info(
        "demo grids created: {} grids, {} patrols, {} enterprises placed",
        grids.all().size(),
        n,
        a.byLocation() + a.byTown());
  }

  private AppUser user(Member m) {
    return users
        .findByUsername(m.username())
        .orElseGet(
            () ->
                userService.create(
                    new UserForm(
                        m.username(),
                        m.displayName(),
                        departments.resolve(m.department()).map(d -> d.id()).orElse(null),
                        "",
                        EnumSet.of(Role.GRID_MEMBER),
                        true,
                        DemoGovernment.PASSWORD),
                    false));
  }

  /** Patrols by the grid's plan from {@code from} up to {@code until}, spread over the days. */
  private int patrols(Grid grid, AppUser user, LocalDate from, LocalDate until) {
    PatrolPlan plan = settings.plan(grid.level());
    Optional<double[]> center = GridGeometry.of(grid.geometry()).map(GridGeometry::center);
    int count = 0;
    // one patrol every days/times days, at a working hour that varies
    double step = (double) plan.days() / plan.times();
    int i = 0;
    for (double d = 0; !from.plusDays((long) d).isAfter(until); d += step, i++) {
      LocalDate day = from.plusDays((long) d);
      OffsetDateTime at =
          day.atTime(LocalTime.of(9 + i % 7, (i * 17) % 60)).atZone(zone).toOffsetDateTime();
      if (at.isAfter(OffsetDateTime.now(clock))) {
        break;
      }
      int k = i;
      Optional<Double> lat = center.map(c -> c[1] + ((k % 5) - 2) * 0.004);
      Optional<Double> lng = center.map(c -> c[0] + ((k % 3) - 1) * 0.004);
      patrols.record(
          grid.id(), user.id(), user.username(), at, lat, lng, FINDINGS.get(i % FINDINGS.size()));
      count++;
    }
    return count;
  }
}
