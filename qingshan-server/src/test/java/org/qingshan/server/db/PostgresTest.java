package org.qingshan.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.QingshanApplication;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.audit.AuditSearch;
import org.qingshan.server.contact.ContactForm;
import org.qingshan.server.contact.ContactService;
import org.qingshan.server.department.DepartmentForm;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.CreditCode;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Facility;
import org.qingshan.server.registry.FacilityKind;
import org.qingshan.server.registry.FacilityRepository;
import org.qingshan.server.registry.KeyPolluterCategory;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.registry.PermitClass;
import org.qingshan.server.support.PostgresAvailable;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestEnvironment;
import org.qingshan.server.support.WebSession;
import org.qingshan.server.web.PageQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same migrations and queries on a real PostgreSQL server: a fresh schema, the demo county,
 * logins, a merge, the audit search and the data-scoped directory.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(
    classes = QingshanApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "qingshan.demo=true",
      "qingshan.data-dir=target/test-data",
      "qingshan.hj212.port=0",
      "qingshan.demo-devices=false"
    })
class PostgresTest {
  static final String URL = PostgresAvailable.URL;
  static final String USER = PostgresAvailable.USER;
  static final String PASSWORD = PostgresAvailable.PASSWORD;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DepartmentService departments;
  @Autowired ContactService contacts;
  @Autowired AuditLog audit;
  @Autowired DeviceRegistry registry;
  @Autowired GatewayService gateway;
  @Autowired EnterpriseRepository enterprises;
  @Autowired OutletRepository outlets;
  @Autowired FacilityRepository facilities;

  @BeforeAll
  static void freshSchemaOrSkip() {
    boolean reachable;
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
      reachable = true;
    } catch (SQLException e) {
      reachable = false;
    }
    TestEnvironment.requireOrSkip(
        "postgres", reachable, "PostgreSQL is not reachable at " + URL + " as " + USER);
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("qingshan.db.url", () -> URL);
    registry.add("qingshan.db.user", () -> USER);
    registry.add("qingshan.db.password", () -> PASSWORD);
  }

  @Test
  void migrationsApplyAndTheDemoCountyIsStored() {
    String product = jdbc.sql("SELECT version()").query(String.class).single();
    assertThat(product).startsWith("PostgreSQL");
    long failed =
        jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE")
            .query(Long.class)
            .single();
    long applied =
        jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE")
            .query(Long.class)
            .single();
    assertThat(failed).isZero();
    assertThat(applied).isGreaterThanOrEqualTo(1);
    assertThat(departments.resolve("县住建局")).isPresent();
  }

  @Test
  void theRegistryRoundTripsOnPostgres() {
    String first17 = "91371522MA3CPG0T1";
    CreditCode code = new CreditCode(first17 + CreditCode.checkCharacter(first17));
    long enterprise =
        enterprises.insert(
            new Enterprise(
                0,
                "测试热电有限公司",
                code,
                Optional.of("4412"),
                Optional.of("热电联产"),
                Optional.empty(),
                Optional.of("青山镇"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(115.6),
                Optional.of(36.5),
                EnumSet.of(KeyPolluterCategory.AIR, KeyPolluterCategory.RISK),
                Optional.of("91371522MA3CPG0T001P"),
                Optional.of(PermitClass.KEY),
                Optional.of(LocalDate.of(2024, 1, 1)),
                Optional.of(LocalDate.of(2028, 12, 31)),
                Optional.empty(),
                Optional.empty()));
    Enterprise read = enterprises.findByCreditCode(code).orElseThrow();
    assertThat(read.id()).isEqualTo(enterprise);
    assertThat(read.keyCategories())
        .containsExactlyInAnyOrder(KeyPolluterCategory.AIR, KeyPolluterCategory.RISK);
    assertThat(read.permitValidTo()).contains(LocalDate.of(2028, 12, 31));
    assertThat(
            enterprises
                .search(
                    Optional.of("测试热电"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    new PageQuery(1, 10))
                .total())
        .isEqualTo(1);
    long outlet =
        outlets.insert(
            new Outlet(
                0,
                enterprise,
                "DA001",
                "1号锅炉排口",
                OutletKind.GAS,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    outlets.replaceLimits(
        outlet,
        List.of(
            new OutletLimit(
                0,
                0,
                "a21026",
                Averaging.HOUR,
                35,
                OptionalDouble.empty(),
                "mg/m³",
                Optional.of("GB 13223-2011"),
                true,
                OptionalDouble.of(6))));
    assertThat(outlets.limits(outlet))
        .singleElement()
        .satisfies(l -> assertThat(l.referenceO2()).hasValue(6));
    long line =
        facilities.insert(
            new Facility(
                0,
                enterprise,
                "1号锅炉",
                FacilityKind.PRODUCTION,
                OptionalDouble.of(30),
                OptionalDouble.of(60)));
    long treatment =
        facilities.insert(
            new Facility(
                0,
                enterprise,
                "脱硫塔",
                FacilityKind.TREATMENT,
                OptionalDouble.empty(),
                OptionalDouble.of(20)));
    facilities.link(line, treatment);
    facilities.link(line, treatment);
    assertThat(facilities.links()).contains(Map.entry(line, treatment)).hasSize(1);
  }

  @Test
  void hj212DataIsStoredOnceOnPostgres() throws Exception {
    Device d =
        registry.register(
            new DeviceForm(
                "QSPGTEST01",
                "pw-pg",
                "31",
                "PG 测试排口",
                DeviceKind.STACK_GAS,
                "",
                null,
                ProtocolVersion.HJ_212_2017,
                CrcDialect.STRICT,
                true,
                null,
                null));
    try (TestDevice device =
        TestDevice.connect(
            gateway.port().orElseThrow(), d.mn(), d.password(), CommandResponder.SILENT)) {
      // Within the device page's week, whenever the test runs.
      LocalDateTime hour =
          LocalDateTime.now(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.HOURS).minusHours(2);
      Packet packet = device.hourData(hour, 30);
      assertThat(device.send(packet).cn()).isEqualTo("9014");
      assertThat(device.send(packet.toBuilder().qn(TestDevice.nextQn()).build()).cn())
          .isEqualTo("9014");
    }
    long observations =
        jdbc.sql("SELECT COUNT(*) FROM observation WHERE device_id = :d")
            .param("d", d.id())
            .query(Long.class)
            .single();
    assertThat(observations).isEqualTo(2);
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/" + d.id()).body()).contains("二氧化硫 (a21026)", "100.0%");
  }

  @Test
  void loginMergeAuditAndScopeWorkOnPostgres() {
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    var extra =
        departments.create(new DepartmentForm("县水务局（旧）", DepartmentKind.DEPARTMENT, null, 50));
    long target = departments.resolve("县水利局").orElseThrow().id();
    long contact = contacts.create(new ContactForm(extra.id(), "水务丁", "", "13900000004", "")).id();
    admin.get("/departments/" + extra.id() + "/edit");
    admin.post("/departments/" + extra.id() + "/merge", Map.of("target", Long.toString(target)));
    assertThat(departments.resolve("县水务局(旧)").orElseThrow().id()).isEqualTo(target);
    assertThat(contacts.get(contact).departmentId()).isEqualTo(target);

    var found =
        audit.search(
            new AuditSearch(
                Optional.empty(),
                Optional.of(AuditAction.MERGE),
                Optional.empty(),
                Optional.of("水务局"),
                Optional.empty(),
                Optional.empty()),
            new PageQuery(1, 10));
    assertThat(found.total()).isEqualTo(1);

    WebSession liaison = WebSession.loggedIn(port, "liaison", "qingshan2026");
    assertThat(liaison.get("/contacts").body()).doesNotContain("水务丁");
    assertThat(liaison.get("/contacts/" + contact + "/edit").statusCode()).isEqualTo(403);
  }

  @Test
  void searchesAreLiteralAndRepeatedLoginFailuresOneCountedRowOnPostgres() {
    contacts.create(
        new ContactForm(departments.resolve("县水利局").orElseThrow().id(), "达标率50%以上", "", "", ""));
    contacts.create(
        new ContactForm(departments.resolve("县水利局").orElseThrow().id(), "达标率500以上", "", "", ""));
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    String page = admin.get("/contacts?q=50%25").body();
    assertThat(page).contains("达标率50%以上").doesNotContain("达标率500以上");

    WebSession guesser = new WebSession(port);
    guesser.login("pg-nobody", "wrong-1");
    guesser.login("pg-nobody", "wrong-2");
    assertThat(
            jdbc.sql(
                    "SELECT summary FROM audit_entry WHERE actor = 'pg-nobody'"
                        + " AND action = 'LOGIN_FAILED'")
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("共 2 次");
  }
}
