package org.qingshan.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.server.QingshanApplication;
import org.qingshan.server.device.Activation;
import org.qingshan.server.device.ActivationState;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceActivations;
import org.qingshan.server.device.DeviceKeys;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.support.WebSession;
import org.qingshan.simulator.DemoCounty;
import org.qingshan.simulator.DeviceProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./qingshan demo}: the simulated devices are registered and stream data over TCP; the HJ
 * 212-2025 logger without an MN activates itself through CN=1001/1002.
 */
@SpringBootTest(
    classes = QingshanApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "qingshan.demo=true",
      "qingshan.demo-devices=true",
      "qingshan.data-dir=target/test-data",
      "qingshan.hj212.port=0",
      "qingshan.db.url=jdbc:h2:mem:demo-devices;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "logging.level.root=WARN"
    })
class DemoMonitoringTest {
  @LocalServerPort int port;
  @Autowired DeviceRegistry registry;
  @Autowired GatewayService gateway;
  @Autowired JdbcClient jdbc;
  @Autowired DeviceKeys keys;
  @Autowired DeviceActivations activations;

  @Test
  void everySimulatedDeviceIsRegisteredConnectsAndDeliversData() throws Exception {
    var profiles = DemoCounty.devices();
    for (DeviceProfile p : profiles) {
      if (p.needsMn()) {
        continue; // registered once it asked (below)
      }
      Device d = registry.byMn(p.mn()).orElseThrow();
      assertThat(d.kind().name())
          .as("registered under the kind it simulates")
          .isEqualTo(p.kind().name());
      assertThat(d.departmentId()).as("placed in a town").isPresent();
      assertThat(d.longitude()).isPresent();
    }
    List<DeviceProfile> live =
        profiles.stream().filter(p -> !p.faults().silent() && !p.needsMn()).toList();
    DeviceProfile silent =
        profiles.stream().filter(p -> p.faults().silent()).findFirst().orElseThrow();
    await("every live device online")
        .atMost(Duration.ofSeconds(60))
        .until(() -> live.stream().allMatch(p -> gateway.isOnline(p.mn())));
    await("the silent stack's history stored")
        .atMost(Duration.ofSeconds(60))
        .until(() -> hourRowsOf(silent.mn()) > 0);
    await("the silent stack gone")
        .atMost(Duration.ofSeconds(60))
        .until(() -> !gateway.isOnline(silent.mn()));
    assertThat(live).allMatch(p -> gateway.isOnline(p.mn()));
    assertThat(hourRows()).as("history backlog stored").isPositive();

    // the encrypting loggers' data got through: their keys were set and used
    for (DeviceProfile p : profiles) {
      if (p.sm4Key().isPresent()) {
        assertThat(keys.keyOf(p.mn())).as("key of %s", p.mn()).isPresent();
      }
    }
    assertThat(profiles.stream().filter(p -> p.sm4Key().isPresent())).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            "SELECT COUNT(*) FROM observation o JOIN device d ON d.id = o.device_id"
                                + " WHERE d.mn = '010000A8900016F000000103' AND o.kind = 'HOUR'")
                        .query(Long.class)
                        .single()
                    > 0);

    // the meters' production states (ST=45, beside their ST=44 currents of the same times)
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql(
                            "SELECT COUNT(DISTINCT s.device_id) FROM production_state s"
                                + " JOIN device d ON d.id = s.device_id WHERE d.kind = 'ELECTRICITY'")
                        .query(Long.class)
                        .single()
                    == profiles.stream().filter(p -> p.st().equals("44")).count());

    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    // the activating logger is registered and online by now, the silent stack is not
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> admin.get("/").body().contains((profiles.size() - 1) + " / " + profiles.size()));
  }

  @Test
  void theDemoSourcesHaveOutletsWithLimitsMetersAndTheirDevices() {
    List<String> industries =
        jdbc.sql("SELECT industry_name FROM enterprise ORDER BY id").query(String.class).list();
    assertThat(industries).contains("热电联产", "水泥制造", "机制纸及纸板制造", "有机化学原料制造", "污水处理及其再生利用");
    List<String> unbound =
        DemoCounty.devices().stream()
            .filter(p -> !p.needsMn() && p.kind().pollutionSource())
            .map(DeviceProfile::mn)
            .filter(
                mn ->
                    jdbc.sql(
                                "SELECT COUNT(*) FROM device_outlet o JOIN device d"
                                    + " ON d.id = o.device_id WHERE d.mn = :mn")
                            .param("mn", mn)
                            .query(Long.class)
                            .single()
                        == 0)
            .toList();
    assertThat(unbound).as("every outlet device bound to its outlet").isEmpty();
    long corrected =
        jdbc.sql("SELECT COUNT(*) FROM outlet_limit WHERE corrected AND reference_o2 IS NOT NULL")
            .query(Long.class)
            .single();
    assertThat(corrected).as("gas limits judged on 折算 values").isPositive();
    long kilnChannels =
        jdbc.sql(
                "SELECT COUNT(*) FROM facility_channel c JOIN device d ON d.id = c.device_id"
                    + " WHERE d.mn = '010000A8900016F000000602'")
            .query(Long.class)
            .single();
    assertThat(kilnChannels).as("kiln line and its two treatment facilities metered").isEqualTo(3);
    assertThat(
            jdbc.sql(
                    "SELECT e.name FROM enterprise_user u JOIN app_user a ON a.id = u.user_id"
                        + " JOIN enterprise e ON e.id = u.enterprise_id"
                        + " WHERE a.username = 'enterprise'")
                .query(String.class)
                .single())
        .isEqualTo("青山化工有限公司");
  }

  /**
   * What the duty screen shows within minutes of a fresh demo: the boiler above its SO₂ limit, the
   * silent stack, the stuck COD analyser, the kiln's treatment facility standing still.
   */
  @Test
  void theDemoRaisesTheAlarmsItsFaultsCall() {
    for (String type : List.of("EXCEEDANCE", "OFFLINE", "CONSTANT", "TREATMENT_NOT_RUNNING")) {
      await("an open " + type + " alarm")
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () ->
                  jdbc.sql("SELECT COUNT(*) FROM alarm WHERE type = :t AND status <> 'CLOSED'")
                          .param("t", type)
                          .query(Long.class)
                          .single()
                      > 0);
    }
    WebSession dispatcher = WebSession.loggedIn(port, "dispatcher", "qingshan2026");
    String duty = new String(dispatcher.getBytes("/duty/open.json").body(), StandardCharsets.UTF_8);
    assertThat(duty).contains("青山热电有限公司", "青山水泥有限公司", "青山造纸有限公司", "青山食品有限公司");
  }

  private long hourRowsOf(String mn) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM observation o JOIN device d ON d.id = o.device_id"
                + " WHERE d.mn = :mn AND o.kind = 'HOUR'")
        .param("mn", mn)
        .query(Long.class)
        .single();
  }

  /**
   * The logger with no MN asked for one over TCP with its fingerprint (CN=1001); the demo
   * registered it through the service an admin's form uses; the platform's CN=1002 gave it a
   * 24-character MN, which the logger took: its 9011/9012 confirmed the registration and its data
   * is stored under it.
   */
  @Test
  void theLoggerWithoutMnActivatesItselfAndDeliversDataUnderItsNewMn() {
    DeviceProfile logger =
        DemoCounty.devices().stream().filter(DeviceProfile::needsMn).findFirst().orElseThrow();
    String serial = logger.hardware().orElseThrow().serial();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                activations
                    .find(serial)
                    .filter(a -> a.state() == ActivationState.CONFIRMED)
                    .isPresent());
    Activation a = activations.find(serial).orElseThrow();
    assertThat(a.cpuId()).isEqualTo(logger.hardware().orElseThrow().cpuId());
    String mn = a.assignedMn().orElseThrow();
    assertThat(mn).matches("[0-9A-F]{24}");
    Device d = registry.byMn(mn).orElseThrow();
    assertThat(d.name()).isEqualTo(logger.site());
    assertThat(d.password()).isEqualTo(logger.pw());
    assertThat(a.deviceId()).contains(d.id());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                gateway.isOnline(mn)
                    && jdbc.sql(
                                "SELECT COUNT(*) FROM observation WHERE device_id = ?"
                                    + " AND kind = 'HOUR'")
                            .param(d.id())
                            .query(Long.class)
                            .single()
                        > 0);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'device-activation'"
                        + " AND entity_id = ?")
                .param(serial)
                .query(Long.class)
                .single())
        .as("assigned, accepted, confirmed")
        .isEqualTo(3);
    WebSession admin = WebSession.loggedIn(port, "admin", "qingshan2026");
    assertThat(admin.get("/devices/unknown").body()).contains(serial).contains(mn);
  }

  private long hourRows() {
    return jdbc.sql("SELECT COUNT(*) FROM observation WHERE kind = 'HOUR'")
        .query(Long.class)
        .single();
  }
}
