package org.qingshan.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.security.AppUser;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.web.PageQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** User administration: changes take effect at once, and an admin cannot lock the bureau out. */
@DemoServerTest
class UserAdminHttpTest {
  @LocalServerPort int port;
  @Autowired UserService users;
  @Autowired DepartmentService departments;

  private Map<String, String> form(AppUser u, boolean enabled, String role, String department) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("username", u.username());
    f.put("displayName", u.displayName());
    f.put("departmentId", department);
    f.put("phone", "");
    f.put("roles", role);
    // As the browser sends the form: a checkbox's hidden marker tells "unchecked" from "absent".
    f.put("_enabled", "on");
    f.put("_roles", "on");
    if (enabled) {
      f.put("enabled", "true");
    }
    f.put("password", "");
    return f;
  }

  @Test
  void disablingAUserEndsTheirOpenSession() {
    AppUser u =
        users.create(
            new UserForm("zhou", "周敏", null, "", EnumSet.of(Role.PLANNER), true, "green-123456"),
            false);
    WebSession zhou = WebSession.loggedIn(port, "zhou", "green-123456");
    assertThat(zhou.get("/departments").statusCode()).isEqualTo(200);

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/users/" + u.id() + "/edit");
    HttpResponse<String> r = admin.post("/users/" + u.id(), form(u, false, "PLANNER", ""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);

    HttpResponse<String> after = zhou.get("/departments");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(after)).contains("/login");
    assertThat(WebSession.location(new WebSession(port).login("zhou", "green-123456")))
        .endsWith("/login?error");
  }

  @Test
  void theUserListShowsEachUsersRoles() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String page = admin.get("/users?q=grid").body();
    assertThat(page).contains("<td>grid</td>", "<span class=\"tag\">网格员</span>");
    assertThat(page).doesNotContain("<span class=\"tag\">局管理员</span>");
  }

  @Test
  void anAdminCannotTakeTheirOwnAdminRoleAway() {
    AppUser admin =
        users.search(Optional.of("admin"), new PageQuery(1, 5)).items().stream()
            .filter(x -> x.username().equals("admin"))
            .findFirst()
            .orElseThrow();
    WebSession session = WebSession.loggedIn(port, "admin", "qingshan2026");
    session.get("/users/" + admin.id() + "/edit");
    HttpResponse<String> r =
        session.post(
            "/users/" + admin.id(),
            form(admin, true, "PLANNER", admin.departmentId().map(String::valueOf).orElse("")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("不能停用自己的账号或取消自己的管理员角色");
    assertThat(users.find(admin.id()).orElseThrow().has(Role.ADMIN)).isTrue();
  }

  @Test
  void aDepartmentThatDoesNotExistIsRefusedWithAMessage() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/users/new");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("username", "ghost");
    f.put("displayName", "无部门");
    f.put("departmentId", "999999");
    f.put("phone", "");
    f.put("roles", "LIAISON");
    f.put("enabled", "true");
    f.put("password", "green-123456");
    HttpResponse<String> r = admin.post("/users", f);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("部门不存在或已合并");
    assertThat(users.search(Optional.of("ghost"), new PageQuery(1, 5)).total()).isZero();
  }

  @Test
  void aPasswordTooLongForBcryptIsRefusedWithAMessage() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    admin.get("/users/new");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("username", "longpw");
    f.put("displayName", "长密码");
    f.put("phone", "");
    f.put("roles", "LEADER");
    f.put("enabled", "true");
    f.put("password", "密码".repeat(20) + "1a");
    HttpResponse<String> r = admin.post("/users", f);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("密码不能超过 72 个字节");
  }
}
