package org.qingshan.server.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.Department;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.grid.EnterpriseAssignment.AssignedBy;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 网格 over HTTP: grids created and changed, members, enterprises, placing by location, coverage. */
@DemoServerTest
class GridHttpTest {
  @LocalServerPort int port;
  @Autowired GridService grids;
  @Autowired GridRepository repository;
  @Autowired PatrolService patrols;
  @Autowired UserService users;
  @Autowired DepartmentService departments;
  @Autowired EnterpriseRepository enterprises;
  @Autowired JdbcClient jdbc;
  @Autowired ZoneId zone;
  GridTestData data;
  WebSession dispatcher;

  @BeforeEach
  void setUp() {
    data = new GridTestData(grids, users, departments, enterprises);
    dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
  }

  @Test
  void aDispatcherCreatesAGridDrawnOnTheMapAndChangesIt() {
    String name = GridTestData.unique("测试县网格");
    double[] c = GridTestData.corner();
    dispatcher.get("/grids/new");
    HttpResponse<String> created =
        dispatcher.post(
            "/grids",
            Map.of(
                "name", name,
                "level", "1",
                "parentId", "",
                "departmentId", "",
                "geometry", GridTestData.square(c[0], c[1])));
    assertThat(created.statusCode()).isEqualTo(302);
    long id = Long.parseLong(WebSession.location(created).replaceAll(".*/grids/", ""));
    Grid g = grids.get(id);
    assertThat(g.level()).isEqualTo(1);
    assertThat(GridGeometry.parse(g.geometry().orElseThrow()).contains(c[0] + 0.05, c[1] + 0.05))
        .isTrue();
    assertThat(audits("CREATE", id)).isEqualTo(1);

    String page = dispatcher.get("/grids/" + id).body();
    assertThat(page).contains(name, "一级网格（县）", "每周 1 次", "id=\"grid-map\"", "data-geometry=");
    assertThat(dispatcher.get("/grids?q=" + name).body()).contains("/grids/" + id + "\"");
    assertThat(dispatcher.get("/grids").body()).contains("每 2 天 1 次", "每周 2 次");

    String child = GridTestData.unique("测试镇网格");
    HttpResponse<String> sub =
        dispatcher.post(
            "/grids", Map.of("name", child, "level", "2", "parentId", "" + id, "geometry", ""));
    long childId = Long.parseLong(WebSession.location(sub).replaceAll(".*/grids/", ""));
    assertThat(grids.get(childId).parentId()).contains(id);
    assertThat(dispatcher.get("/grids?q=" + child).body()).contains(name + " / " + child);

    HttpResponse<String> renamed =
        dispatcher.post("/grids/" + id, Map.of("name", name + "改", "level", "1", "geometry", ""));
    assertThat(renamed.statusCode()).isEqualTo(302);
    assertThat(grids.get(id).name()).isEqualTo(name + "改");
    assertThat(grids.get(id).geometry()).isEmpty();
    assertThat(audits("UPDATE", id)).isEqualTo(1);

    // a parent below the grid, a broken polygon, a level beyond the configured
    assertThat(
            dispatcher
                .post("/grids/" + id, Map.of("name", name, "level", "1", "parentId", "" + childId))
                .body())
        .contains("上级网格的层级须高于本网格");
    assertThat(dispatcher.post("/grids/" + id, Map.of("name", name, "level", "2")).body())
        .contains("本网格的层级须高于其下级网格");
    assertThat(
            dispatcher
                .post(
                    "/grids",
                    Map.of(
                        "name", name + "坏",
                        "level", "3",
                        "geometry", "{\"type\":\"Polygon\",\"coordinates\":[[[1,1],[2,2]]]}"))
                .body())
        .contains("地图范围不正确");
    assertThat(dispatcher.post("/grids", Map.of("name", name + "坏", "level", "9")).body())
        .contains("层级须在 1 到 3 之间");
    assertThat(dispatcher.get("/grids?q=" + name + "坏").body()).contains("没有符合条件的记录");
  }

  @Test
  void readersMayLookButNotChangeAndGridMembersSeeNoList() {
    Grid g = data.grid(GridTestData.unique("只读网格"), 2, null, null, "");
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String page = leader.get("/grids/" + g.id()).body();
    assertThat(page).contains(g.name()).doesNotContain("添加网格员", "划入企业");
    assertThat(leader.get("/grids").body()).doesNotContain("按部门树生成网格");
    assertThat(leader.post("/grids/" + g.id(), Map.of("name", "x", "level", "2")).statusCode())
        .isEqualTo(403);
    assertThat(leader.get("/grids/new").statusCode()).isEqualTo(403);
    AppUser member = data.member("只读网格员");
    WebSession m = WebSession.loggedIn(port, member.username(), GridTestData.PASSWORD);
    assertThat(m.get("/grids").statusCode()).isEqualTo(403);
    assertThat(m.get("/grids/coverage").statusCode()).isEqualTo(403);
    assertThat(m.get("/m/patrol").statusCode()).isEqualTo(200);
  }

  @Test
  void membersAreGridMembersAddedOnceAndRemoved() {
    Grid g = data.grid(GridTestData.unique("人员网格"), 3, null, null, "");
    AppUser a = data.member(GridTestData.unique("网格员甲"));
    AppUser b = data.member(GridTestData.unique("网格员乙"));
    AppUser planner = data.user(GridTestData.unique("规划员"), Role.PLANNER);
    String view = dispatcher.get("/grids/" + g.id()).body();
    assertThat(view).contains("尚无网格员", "网格员不足：建议至少 2 名", a.displayName());

    assertThat(
            dispatcher
                .post("/grids/" + g.id() + "/members", Map.of("username", a.username()))
                .statusCode())
        .isEqualTo(302);
    assertThat(dispatcher.get("/grids/" + g.id()).body()).contains("网格员已添加");
    assertThat(repository.members(g.id()))
        .extracting(GridMember::username)
        .containsExactly(a.username());

    dispatcher.post("/grids/" + g.id() + "/members", Map.of("username", a.username()));
    assertThat(dispatcher.get("/grids/" + g.id()).body()).contains("已是本网格的网格员");
    dispatcher.post("/grids/" + g.id() + "/members", Map.of("username", planner.username()));
    assertThat(dispatcher.get("/grids/" + g.id()).body()).contains("不是网格员角色的用户");
    dispatcher.post("/grids/" + g.id() + "/members", Map.of("username", "nobody-" + g.id()));
    assertThat(dispatcher.get("/grids/" + g.id()).body()).contains("找不到用户");

    dispatcher.post("/grids/" + g.id() + "/members", Map.of("username", b.username()));
    String full = dispatcher.get("/grids/" + g.id()).body();
    assertThat(full).doesNotContain("网格员不足");
    assertThat(repository.members(g.id())).hasSize(2);

    dispatcher.post("/grids/" + g.id() + "/members/" + a.id() + "/remove", Map.of());
    assertThat(repository.members(g.id()))
        .extracting(GridMember::username)
        .containsExactly(b.username());
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'grid' AND entity_id = :id"
                        + " AND actor = 'dispatcher' AND summary LIKE :s")
                .param("id", Long.toString(g.id()))
                .param("s", "%" + a.username() + "%")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void enterprisesArePlacedByHandByLocationAndByTown() {
    double[] c = GridTestData.corner();
    Department town = data.town(GridTestData.unique("测试镇"));
    Grid townGrid = data.grid(town.name() + "网格", 2, null, town.id(), "");
    Grid area =
        data.grid(
            GridTestData.unique("坐标网格"), 3, townGrid.id(), null, GridTestData.square(c[0], c[1]));
    Grid other = data.grid(GridTestData.unique("手工网格"), 3, null, null, "");
    Enterprise inside =
        data.enterprise(
            GridTestData.unique("坐标内企业"), Optional.of(town.name()), c[0] + 0.05, c[1] + 0.02);
    Enterprise byTown =
        data.enterprise(GridTestData.unique("镇内企业"), Optional.of(town.name()), null, null);
    Enterprise byHand =
        data.enterprise(GridTestData.unique("手工企业"), Optional.empty(), c[0] + 0.05, c[1] + 0.05);
    Enterprise nowhere = data.enterprise(GridTestData.unique("无处企业"), Optional.empty(), null, null);

    assertThat(
            dispatcher
                .post(
                    "/grids/" + other.id() + "/enterprises",
                    Map.of("enterpriseId", "" + byHand.id()))
                .statusCode())
        .isEqualTo(302);
    assertThat(dispatcher.get("/grids/" + other.id()).body()).contains(byHand.name(), "手工划入");

    HttpResponse<String> assigned = dispatcher.post("/grids/assign", Map.of());
    assertThat(assigned.statusCode()).isEqualTo(302);
    assertThat(dispatcher.get("/grids").body()).contains("已按位置划分企业", "按坐标");
    Map<Long, EnterpriseAssignment> now = repository.assignments();
    assertThat(now.get(inside.id()))
        .isEqualTo(new EnterpriseAssignment(inside.id(), area.id(), AssignedBy.LOCATION));
    assertThat(now.get(byTown.id()))
        .isEqualTo(new EnterpriseAssignment(byTown.id(), townGrid.id(), AssignedBy.TOWN));
    assertThat(now.get(byHand.id()))
        .isEqualTo(new EnterpriseAssignment(byHand.id(), other.id(), AssignedBy.HAND));
    assertThat(now).doesNotContainKey(nowhere.id());
    assertThat(dispatcher.get("/grids/" + area.id()).body())
        .contains(inside.name(), "按坐标", "data-points=");

    // 一企一档 shows the enterprise's grid
    assertThat(dispatcher.get("/enterprises/" + inside.id()).body())
        .contains("所属网格", townGrid.name() + " / " + area.name());
    assertThat(dispatcher.get("/enterprises/" + nowhere.id()).body()).contains("该企业尚未划入网格");

    dispatcher.post("/grids/" + other.id() + "/enterprises/" + byHand.id() + "/remove", Map.of());
    assertThat(repository.assignmentOf(byHand.id())).isEmpty();
  }

  @Test
  void coverageListsTheUnplacedTheUnstaffedAndWhoIsBehindInTheWeekOfTheDay() throws Exception {
    Grid staffed = data.grid(GridTestData.unique("覆盖镇网格"), 2, null, null, "");
    Grid empty = data.grid(GridTestData.unique("无人网格"), 3, null, null, "");
    AppUser keen = data.member(GridTestData.unique("勤快网格员"));
    AppUser late = data.member(GridTestData.unique("落后网格员"));
    grids.addMember(staffed.id(), keen.username());
    grids.addMember(staffed.id(), late.username());
    Enterprise unplaced =
        data.enterprise(GridTestData.unique("未划网格企业"), Optional.empty(), null, null);
    // week of Monday 2026-11-02: level 2 owes 2 patrols by Sunday, 1 by Thursday
    LocalDate monday = LocalDate.of(2026, 11, 2);
    patrol(staffed, keen, monday.plusDays(1));
    patrol(staffed, keen, monday.plusDays(4));
    patrol(staffed, late, monday.plusDays(5));
    patrol(staffed, late, monday.minusDays(1)); // the Sunday before: last week's

    String wednesday = dispatcher.get("/grids/coverage?on=2026-11-04").body();
    assertThat(behindTable(wednesday)).doesNotContain(late.username(), keen.username());
    String thursday = dispatcher.get("/grids/coverage?on=2026-11-05").body();
    assertThat(behindTable(thursday)).contains(late.username()).doesNotContain(keen.username());
    String sunday = dispatcher.get("/grids/coverage?on=2026-11-08").body();
    assertThat(behindTable(sunday)).contains(late.username()).doesNotContain(keen.username());
    assertThat(sunday).contains(empty.name(), "无网格员的网格");
    assertThat(dispatcher.get("/grids/coverage?on=2026-11-08&q=" + unplaced.name()).body())
        .contains(unplaced.name());

    HttpResponse<byte[]> export = dispatcher.getBytes("/grids/coverage/export?on=2026-11-08");
    assertThat(export.statusCode()).isEqualTo(200);
    Map<String, String> rows = new HashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      Sheet sheet = book.getSheetAt(0);
      for (Row r : sheet) {
        rows.put(
            r.getCell(1).getStringCellValue(),
            r.getCell(0).getStringCellValue() + "|" + r.getCell(3).getStringCellValue());
      }
    }
    assertThat(rows.get(late.displayName() + "（" + late.username() + "）"))
        .isEqualTo("落后于巡查计划|应巡 2 次，已巡 1 次");
    assertThat(rows.get(empty.name())).startsWith("无网格员的网格");
    assertThat(rows.get(unplaced.name())).startsWith("未划入网格的企业");
    assertThat(rows).doesNotContainKey(keen.displayName() + "（" + keen.username() + "）");
  }

  @Test
  void listsExportWithTheirSearch() throws Exception {
    Grid g = data.grid(GridTestData.unique("导出网格"), 2, null, null, "");
    HttpResponse<byte[]> export = dispatcher.getBytes("/grids/export?q=" + g.name());
    assertThat(export.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("网格名称");
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(g.name());
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("二级网格（乡镇、街道）");
    }
    AppUser m = data.member(GridTestData.unique("导出网格员"));
    grids.addMember(g.id(), m.username());
    patrol(g, m, LocalDate.of(2026, 10, 6));
    assertThat(dispatcher.get("/grids/patrols?user=" + m.username()).body()).contains(g.name());
    HttpResponse<byte[]> patrolExport =
        dispatcher.getBytes("/grids/patrols/export?user=" + m.username());
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(patrolExport.body()))) {
      assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
      assertThat(book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue())
          .isEqualTo(m.username());
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND entity_type = 'patrol' AND actor = 'dispatcher'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  private void patrol(Grid g, AppUser u, LocalDate day) {
    patrols.record(
        g.id(),
        u.id(),
        u.username(),
        day.atTime(10, 0).atZone(zone).toOffsetDateTime(),
        Optional.empty(),
        Optional.empty(),
        "巡查");
  }

  private static String behindTable(String page) {
    int from = page.indexOf("id=\"coverage-behind\"");
    return page.substring(from, page.indexOf("</table>", from));
  }

  private long audits(String action, long id) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'grid' AND action = :a"
                + " AND entity_id = :id")
        .param("a", action)
        .param("id", Long.toString(id))
        .query(Long.class)
        .single();
  }
}
