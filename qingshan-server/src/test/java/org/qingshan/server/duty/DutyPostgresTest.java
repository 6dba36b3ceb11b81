package org.qingshan.server.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.security.Role;
import org.qingshan.server.support.MultipartForm;
import org.qingshan.server.support.PostgresSchema;
import org.qingshan.server.support.PostgresServerTest;
import org.qingshan.server.support.TestAlarms;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The duty screen's and the portal's queries and writes on a real PostgreSQL server, in a schema of
 * their own so that the other PostgreSQL tests' schema is left alone.
 */
@PostgresServerTest
class DutyPostgresTest {
  static final String SCHEMA = "duty_test";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DeviceRegistry registry;
  @Autowired UserService users;
  @Autowired EnterpriseRepository enterprises;

  @BeforeAll
  static void freshSchemaOrSkip() {
    PostgresSchema.freshOrSkip(SCHEMA);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresSchema.use(SCHEMA, registry);
  }

  @Test
  void alarmsAreListedActedOnAndExplainedOnPostgres() {
    String product = jdbc.sql("SELECT version()").query(String.class).single();
    assertThat(product).startsWith("PostgreSQL");
    TestAlarms fixtures = new TestAlarms(jdbc);
    String town = TestAlarms.unique("PG镇");
    long enterprise = fixtures.enterprise(TestAlarms.unique("PG企业"), town, "火力发电");
    long device = fixtures.device(enterprise, TestAlarms.unique("QSPG"));
    registry.reload();
    long minor = fixtures.alarm(device, "MINOR", "CONSTANT", "恒值 50%_x");
    long critical = fixtures.alarm(device, "CRITICAL", "EXCEEDANCE", "超标");
    fixtures.hourData(device, 10);

    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String open = json(dispatcher, "/duty/open.json?town=" + encode(town));
    assertThat(open.indexOf("\"id\":" + critical)).isLessThan(open.indexOf("\"id\":" + minor));
    assertThat(json(dispatcher, "/duty/map-layer.json")).contains("#d93025");
    assertThat(json(dispatcher, "/duty/alarms/" + critical + "/series.json")).contains("16.0");
    assertThat(dispatcher.get("/duty/alarms?q=" + encode("50%_x")).body()).contains("恒值 50%_x");
    assertThat(dispatcher.get("/duty/alarms?status=open&q=" + encode(town)).body()).contains("超标");
    assertThat(dispatcher.getBytes("/duty/alarms/export?q=" + encode(town)).statusCode())
        .isEqualTo(200);

    dispatcher.get("/duty/alarms/" + critical);
    dispatcher.post("/duty/alarms/" + critical + "/acknowledge", Map.of());
    dispatcher.get("/duty/alarms/" + critical);
    dispatcher.post("/duty/alarms/" + critical + "/close", Map.of("note", "已处置"));
    assertThat(fixtures.status(critical)).isEqualTo("CLOSED");

    String username = TestAlarms.unique("pgent");
    long userId =
        users
            .create(
                new UserForm(
                    username, "企业", null, "", EnumSet.of(Role.ENTERPRISE), true, "Portal-2026-qs"),
                false)
            .id();
    enterprises.setEnterpriseOfUser(userId, enterprise);
    WebSession user = WebSession.loggedIn(port, username, "Portal-2026-qs");
    assertThat(user.get("/portal").body()).contains("恒值 50%_x");
    user.get("/portal/alarms/" + minor);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    MultipartForm.post(
        port,
        user,
        "/portal/explanations",
        Map.of("alarmId", String.valueOf(minor), "text", "仪表故障"),
        "files",
        "照片.png",
        png);
    String page = dispatcher.get("/duty/alarms/" + minor).body();
    assertThat(page).contains("仪表故障", "照片.png");
    long fileId = jdbc.sql("SELECT MAX(id) FROM alarm_explanation_file").query(Long.class).single();
    assertThat(dispatcher.getBytes("/duty/files/" + fileId).body()).isEqualTo(png);
  }

  private static String json(WebSession session, String path) {
    return new String(session.getBytes(path).body(), StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
