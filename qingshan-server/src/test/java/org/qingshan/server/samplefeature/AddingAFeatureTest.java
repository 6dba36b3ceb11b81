package org.qingshan.server.samplefeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
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
  @Autowired DeviceRegistry registry;

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
  void itsSectionIsPartOfTheDevicePage() {
    Device device =
        registry.register(
            new DeviceForm(
                "QSSAMPLE01",
                "pw-sample",
                "31",
                "示例设备",
                DeviceKind.STACK_GAS,
                "示例排口",
                null,
                ProtocolVersion.HJ_212_2017,
                CrcDialect.STRICT,
                true,
                null,
                null));
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/" + device.id()).body()).contains("示例部分：设备 " + device.id());
  }

  @Test
  void otherRolesNeitherSeeItNorOpenIt() {
    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/").body()).doesNotContain("示例功能", "示例数字");
    assertThat(liaison.get("/sample").statusCode()).isEqualTo(403);
  }
}
