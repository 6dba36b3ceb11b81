package org.qingshan.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user changing their own password: the other sessions end, this one stays and is told. */
@DemoServerTest
class PasswordChangeHttpTest {
  @LocalServerPort int port;
  @Autowired UserService users;

  @Test
  void changingOnesPasswordEndsOnesOtherSessionsAndKeepsThisOne() throws Exception {
    users.create(
        new UserForm("twodesks", "两处登录", null, "", EnumSet.of(Role.LEADER), true, "old-pass-2026"),
        false);
    WebSession office = WebSession.loggedIn(port, "twodesks", "old-pass-2026");
    WebSession laptop = WebSession.loggedIn(port, "twodesks", "old-pass-2026");
    assertThat(laptop.get("/contacts").statusCode()).isEqualTo(200);

    office.get("/account/password");
    String copiedCookie = office.cookieHeader();
    HttpResponse<String> changed =
        office.post(
            "/account/password",
            Map.of("current", "old-pass-2026", "next", "new-pass-2027", "repeat", "new-pass-2027"));
    assertThat(WebSession.location(changed)).endsWith("/");
    String home = office.get("/").body();
    assertThat(home).contains("密码已修改").doesNotContain("您已安全退出");
    assertThat(office.get("/contacts").statusCode()).isEqualTo(200);

    HttpResponse<String> other = laptop.get("/contacts");
    assertThat(other.statusCode()).isEqualTo(302);
    assertThat(WebSession.location(other)).contains("/login");

    // Someone holding a copy of the office session's cookie is out as well.
    HttpResponse<String> copy =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/contacts"))
                    .header("Cookie", copiedCookie)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(copy.statusCode()).isEqualTo(302);
    assertThat(office.get("/contacts").statusCode()).isEqualTo(200);
  }

  @Test
  void commonPasswordsAreRefusedInChinese() {
    users.create(
        new UserForm("commoner", "常见密码", null, "", EnumSet.of(Role.LEADER), true, "start-2026"),
        false);
    WebSession s = WebSession.loggedIn(port, "commoner", "start-2026");
    for (String weak : new String[] {"password1", "woaini1314", "Qwerty123", "admin123"}) {
      s.get("/account/password");
      HttpResponse<String> r =
          s.post(
              "/account/password", Map.of("current", "start-2026", "next", weak, "repeat", weak));
      assertThat(r.statusCode()).as(weak).isEqualTo(200);
      assertThat(r.body()).as(weak).contains("这个密码过于常见");
    }
    s.get("/account/password");
    HttpResponse<String> withName =
        s.post(
            "/account/password",
            Map.of("current", "start-2026", "next", "commoner-77", "repeat", "commoner-77"));
    assertThat(withName.body()).contains("密码不能包含用户名");
  }
}
