package org.qingshan.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@DemoServerTest
class LoginHttpTest {
  @LocalServerPort int port;
  @Autowired UserService users;

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
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
    users.create(
        new UserForm("throttled", "被锁用户", null, "", EnumSet.of(Role.LEADER), true, "right-pass-1"),
        false);
    WebSession s = new WebSession(port);
    for (int i = 0; i < 3; i++) {
      assertThat(WebSession.location(s.login("throttled", "bad-guess-" + i)))
          .endsWith("/login?error");
    }
    HttpResponse<String> locked = s.login("throttled", "right-pass-1");
    assertThat(WebSession.location(locked)).endsWith("/login?locked");
    assertThat(s.get("/login?locked").body()).contains("已临时锁定");
    assertThat(s.get("/").statusCode()).isEqualTo(302);

    // Another user from the same address is not locked by these few failures.
    assertThat(WebSession.location(new WebSession(port).login("leader", "qingshan2026")))
        .endsWith("/");
  }

  @Test
  void postWithoutCsrfTokenIsRejected() {
    WebSession s = WebSession.loggedIn(port, "admin", "qingshan2026");
    HttpResponse<String> r = s.postRaw("/departments/1/aliases", Map.of("alias", "没有令牌的别名"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(s.get("/departments?q=没有令牌的别名").body()).doesNotContain("没有令牌的别名</span>");
  }
}
