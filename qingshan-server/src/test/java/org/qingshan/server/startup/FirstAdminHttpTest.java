package org.qingshan.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingshan.server.QingshanApplication;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code ./qingshan serve} on an empty database: an admin whose first password is printed once. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    classes = QingshanApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "qingshan.demo=false",
      "qingshan.data-dir=target/test-data",
      "qingshan.hj212.port=0",
      "qingshan.db.url=jdbc:h2:mem:fresh;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
class FirstAdminHttpTest {
  private static final Pattern PRINTED = Pattern.compile("管理员账号 admin，初始密码 (\\S+)（");

  @LocalServerPort int port;

  @Test
  void firstAdminMustChooseANewPasswordBeforeAnythingElse(CapturedOutput output) {
    Matcher m = PRINTED.matcher(output.getOut());
    assertThat(m.find()).as("first password printed").isTrue();
    String issued = m.group(1);
    assertThat(m.find()).as("printed only once").isFalse();

    WebSession admin = WebSession.loggedIn(port, "admin", issued);
    HttpResponse<String> home = admin.get("/");
    assertThat(WebSession.location(home)).endsWith("/account/password");
    assertThat(admin.get("/users").statusCode()).isEqualTo(302);

    String page = admin.get("/account/password").body();
    assertThat(page).contains("请先设置自己的新密码");
    HttpResponse<String> weak =
        admin.post(
            "/account/password", Map.of("current", issued, "next", "short", "repeat", "short"));
    assertThat(weak.body()).contains("密码至少 8 位");

    HttpResponse<String> changed =
        admin.post(
            "/account/password",
            Map.of("current", issued, "next", "green-hills-2026", "repeat", "green-hills-2026"));
    assertThat(WebSession.location(changed)).endsWith("/");
    assertThat(admin.get("/users").statusCode()).isEqualTo(200);

    assertThat(new WebSession(port).login("admin", issued).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    WebSession.loggedIn(port, "admin", "green-hills-2026");
  }
}
