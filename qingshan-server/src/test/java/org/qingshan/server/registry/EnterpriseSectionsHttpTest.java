package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * 一企一档 shows what other features contribute (alarms, marks, loads) without knowing them: here the
 * test feature's section, switched on as {@code AddingAFeatureTest} does.
 */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.test.sample-feature=true",
      "qingshan.db.url=jdbc:h2:mem:sample;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
class EnterpriseSectionsHttpTest {
  @LocalServerPort int port;

  @Test
  void aContributedSectionIsPartOfTheEnterprisePage() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    long id = EnterpriseHttpTest.create(admin, "分区测试企业", Codes.next());
    String page = admin.get("/enterprises/" + id).body();
    assertThat(page).contains("id=\"sample-enterprise-section\"", "示例部分：设备 " + id);
  }
}
