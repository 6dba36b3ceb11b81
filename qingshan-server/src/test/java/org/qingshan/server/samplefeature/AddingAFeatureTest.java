package org.qingshan.server.samplefeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A feature brought by one package, one template and one bundle (see {@link SampleFeature}) is in
 * the menu and on the home page of the role it names, with its texts, and refused to the others.
 */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.test.sample-feature=true",
      "qingshan.db.url=jdbc:h2:mem:sample;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
class AddingAFeatureTest {
  @LocalServerPort int port;

  @Test
  void theRoleItNamesFindsItInTheMenuAndOnTheHomePage() {
    WebSession leader = WebSession.loggedIn(port, "leader", "qingshan2026");
    String home = leader.get("/").body();
    assertThat(home).contains("href=\"/sample\"", "示例功能", "示例数字");

    HttpResponse<String> page = leader.get("/sample");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("本功能只用了自己的包、模板和文本");
  }

  @Test
  void otherRolesNeitherSeeItNorOpenIt() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/").body()).doesNotContain("示例功能", "示例数字");
    assertThat(liaison.get("/sample").statusCode()).isEqualTo(403);
  }
}
