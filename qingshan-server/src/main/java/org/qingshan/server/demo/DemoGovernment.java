package org.qingshan.server.demo;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentForm;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The fictional 示范县 of {@code ./qingshan demo}: its government, departments with the spellings
 * plans use for them, towns and streets, and one user for each role. Created once, on an empty
 * database.
 */
@Component
@Order(10)
public class DemoGovernment implements ApplicationRunner {
  /** The password of every demo user; the demo is for trying, never for real data. */
  public static final String PASSWORD = "qingshan2026";

  /** A demo user, printed at start-up. */
  public record Login(String username, Role role, String displayName, String department) {}

  public static final List<Login> LOGINS =
      List.of(
          new Login("admin", Role.ADMIN, "系统管理员", "示范县生态环境分局"),
          new Login("planner", Role.PLANNER, "规划科 李明", "示范县生态环境分局"),
          new Login("dispatcher", Role.DISPATCHER, "指挥中心 王芳", "示范县生态环境分局"),
          new Login("liaison", Role.LIAISON, "住建局联络员 张伟", "县住房和城乡建设局"),
          new Login("grid", Role.GRID_MEMBER, "网格员 赵强", "青山镇"),
          new Login("enterprise", Role.ENTERPRISE, "示范化工 环保负责人", "示范县生态环境分局"),
          new Login("leader", Role.LEADER, "县领导 陈刚", "示范县人民政府"));

  /**
   * The liaisons of the other departments the demo plan names (lead or support), so every
   * department on the plan's dashboard has someone who reports, is reminded and is urged.
   */
  public static final List<Login> PLAN_LIAISONS =
      List.of(
          new Login("liaison-zhifa", Role.LIAISON, "执法局联络员 刘洋", "县综合行政执法局"),
          new Login("liaison-gongan", Role.LIAISON, "公安局联络员 孙磊", "县公安局"),
          new Login("liaison-jiaotong", Role.LIAISON, "交通局联络员 周敏", "县交通运输局"),
          new Login("liaison-nongye", Role.LIAISON, "农业农村局联络员 吴静", "县农业农村局"),
          new Login("liaison-fagai", Role.LIAISON, "发改局联络员 郑杰", "县发展和改革局"),
          new Login("liaison-caizheng", Role.LIAISON, "财政局联络员 冯娜", "县财政局"),
          new Login("liaison-shuili", Role.LIAISON, "水利局联络员 何勇", "县水利局"),
          new Login("liaison-ziyuan", Role.LIAISON, "自然资源局联络员 许军", "县自然资源局"),
          new Login("liaison-weijian", Role.LIAISON, "卫健局联络员 马芳", "县卫生健康局"));

  private record Unit(String name, DepartmentKind kind, String parent, List<String> aliases) {}

  private static final String GOVERNMENT = "示范县人民政府";

  private static final List<Unit> UNITS =
      List.of(
          new Unit(GOVERNMENT, DepartmentKind.GOVERNMENT, null, List.of("县政府", "县人民政府")),
          unit("示范县生态环境分局", DepartmentKind.BUREAU, "市生态环境局示范县分局", "生态环境分局", "县生态环境局"),
          unit("县发展和改革局", DepartmentKind.DEPARTMENT, "县发改局", "县发展改革局"),
          unit("县工业和信息化局", DepartmentKind.DEPARTMENT, "县工信局"),
          unit("县公安局", DepartmentKind.DEPARTMENT),
          unit("县财政局", DepartmentKind.DEPARTMENT),
          unit("县自然资源局", DepartmentKind.DEPARTMENT, "县自然资源和规划局"),
          unit("县住房和城乡建设局", DepartmentKind.DEPARTMENT, "县住建局", "县住房城乡建设局"),
          unit("县交通运输局", DepartmentKind.DEPARTMENT, "县交通局"),
          unit("县水利局", DepartmentKind.DEPARTMENT, "县水务局"),
          unit("县农业农村局", DepartmentKind.DEPARTMENT, "县农业局"),
          unit("县应急管理局", DepartmentKind.DEPARTMENT, "县应急局"),
          unit("县市场监督管理局", DepartmentKind.DEPARTMENT, "县市场监管局"),
          unit("县综合行政执法局", DepartmentKind.DEPARTMENT, "县城管局", "县城市管理局"),
          unit("县卫生健康局", DepartmentKind.DEPARTMENT, "县卫健局"),
          unit("县商务局", DepartmentKind.DEPARTMENT),
          unit("县气象局", DepartmentKind.DEPARTMENT),
          unit("城东街道", DepartmentKind.STREET, "城东街道办事处"),
          unit("城西街道", DepartmentKind.STREET, "城西街道办事处"),
          unit("青山镇", DepartmentKind.TOWN, "青山镇人民政府"),
          unit("白河镇", DepartmentKind.TOWN, "白河镇人民政府"),
          unit("柳林镇", DepartmentKind.TOWN, "柳林镇人民政府"),
          unit("东湖镇", DepartmentKind.TOWN, "东湖镇人民政府"),
          new Unit("青山村", DepartmentKind.VILLAGE, "青山镇", List.of()),
          new Unit("南岭村", DepartmentKind.VILLAGE, "青山镇", List.of()),
          new Unit("白河村", DepartmentKind.VILLAGE, "白河镇", List.of()));

  private static final Logger log = LoggerFactory.getLogger(DemoGovernment.class);
  private final boolean enabled;
  private final DepartmentService departments;
  private final UserService users;
  private final DemoContacts contacts;

  DemoGovernment(
      QingshanProperties properties,
      DepartmentService departments,
      UserService users,
      DemoContacts contacts) {
    this.enabled = properties.demo();
    this.departments = departments;
    this.users = users;
    this.contacts = contacts;
  }

  private static Unit unit(String name, DepartmentKind kind, String... aliases) {
    return new Unit(name, kind, GOVERNMENT, List.of(aliases));
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled && users.noUsers()) {
      seed();
    }
  }

  void seed() {
    log.info("creating the demo county");
    Map<String, Long> ids = new HashMap<>();
    int order = 0;
    for (Unit u : UNITS) {
      Long parent = u.parent() == null ? null : ids.get(u.parent());
      Department d = departments.create(new DepartmentForm(u.name(), u.kind(), parent, order++));
      ids.put(u.name(), d.id());
      u.aliases().forEach(a -> departments.addAlias(d.id(), a));
    }
    for (Login login : Stream.concat(LOGINS.stream(), PLAN_LIAISONS.stream()).toList()) {
      UserForm form =
          new UserForm(
              login.username(),
              login.displayName(),
              ids.get(login.department()),
              "",
              EnumSet.of(login.role()),
              true,
              PASSWORD);
      users.create(form, false);
    }
    contacts.seed(ids);
  }
}
