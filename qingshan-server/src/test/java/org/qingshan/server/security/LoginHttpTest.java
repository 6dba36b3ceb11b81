package org.qingshan.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@DemoServerTest
class LoginHttpTest {
  @LocalServerPort int port;
  @Autowired UserService users;
  @Autowired JdbcClient jdbc;

  @Test
  void pagesNeedALogin() {
    HttpResponse<String> r = new WebSession(port).get("/contacts");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(r)).endsWith("/login");
  }

  @Test
  void loginPageIsChinese() {
    HttpResponse<String> r = new WebSession(port).get("/login");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("用户名", "密码", "登录");
  }

  @Test
  void rightPasswordLogsInAndLogoutEndsTheSession() {
    WebSession s = new WebSession(port);
    HttpResponse<String> login = s.login("planner", "qingshan2026");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(login)).endsWith("/");
    assertThat(s.get("/").body()).contains("规划科 李明");

    s.get("/");
    HttpResponse<String> logout = s.post("/logout", Map.of());
    assertThat(WebSession.location(logout)).endsWith("/login?logout");
    assertThat(s.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void wrongPasswordIsRefused() {
    WebSession s = new WebSession(port);
    HttpResponse<String> r = s.login("dispatcher", "wrong-password-1");
    assertThat(WebSession.location(r)).endsWith("/login?error");
    assertThat(s.get("/login?error").body()).contains("用户名或密码错误");
    assertThat(s.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void anOutsidersFailuresDoNotKeepAnAdministratorOut() {
    users.create(
        new UserForm("guarded", "被猜用户", null, "", EnumSet.of(Role.ADMIN), true, "right-pass-1"),
        false);
    // The administrator's usual address: this machine's 127.0.0.1.
    WebSession.loggedIn(port, "guarded", "right-pass-1");

    WebSession attacker = new WebSession("[::1]", port);
    for (int i = 0; i < 5; i++) {
      assertThat(WebSession.location(attacker.login("guarded", "bad-guess-" + i)))
          .contains("/login?");
    }
    // During its wait even the right password is turned away unchecked, and the page says how
    // long to wait.
    HttpResponse<String> refused = attacker.login("guarded", "right-pass-1");
    assertThat(WebSession.location(refused)).contains("/login?wait=");
    String page =
        attacker.get(WebSession.location(refused).replaceFirst("^https?://[^/]+", "")).body();
    assertThat(page).contains("秒后再试");

    // The administrator, at their own address, logs in at once.
    assertThat(WebSession.location(new WebSession(port).login("guarded", "right-pass-1")))
        .endsWith("/");
  }

  @Test
  void repeatedFailuresAreOneAuditRowWithACount() {
    users.create(
        new UserForm("miscount", "输错用户", null, "", EnumSet.of(Role.LEADER), true, "right-pass-2"),
        false);
    WebSession s = new WebSession("[::1]", port);
    s.login("miscount", "bad-1");
    s.login("miscount", "bad-2");
    List<String> rows =
        jdbc.sql(
                "SELECT summary FROM audit_entry WHERE actor = 'miscount'"
                    + " AND action = 'LOGIN_FAILED'")
            .query(String.class)
            .list();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).contains("用户名或密码错误", "共 2 次");
  }

  @Test
  void postWithoutCsrfTokenIsRejected() {
    WebSession s = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> r = s.postRaw("/departments/1/aliases", Map.of("alias", "没有令牌的别名"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(s.get("/departments?q=没有令牌的别名").body()).doesNotContain("没有令牌的别名</span>");
  }
}
