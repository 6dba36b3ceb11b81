package org.qingshan.server.demo;

import java.util.List;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKeys;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.ingest.GatewaySettings;
import org.qingshan.simulator.DemoCounty;
import org.qingshan.simulator.DemoDevices;
import org.qingshan.simulator.DeviceProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo county's simulated devices: registered once, placed in the towns on the map, and started
 * against our own gateway over real TCP, so that the monitoring pages are alive.
 */
@Component
@Order(30)
class DemoMonitoring implements ApplicationRunner, SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);
  private static final List<String> TOWNS = List.of("青山镇", "白河镇", "柳林镇", "东湖镇");
  private final boolean enabled;
  private final GatewayService gateway;
  private final DeviceRegistry registry;
  private final DepartmentService departments;
  private final DeviceKeys keys;
  private final String gatewayAddress;
  private volatile DemoDevices.Handle running;

  DemoMonitoring(
      QingshanProperties properties,
      GatewaySettings gatewaySettings,
      @Value("${qingshan.demo-devices:true}") boolean devices,
      GatewayService gateway,
      DeviceRegistry registry,
      DepartmentService departments,
      DeviceKeys keys) {
    this.enabled = properties.demo() && devices;
    this.gatewayAddress = reachable(gatewaySettings.host());
    this.gateway = gateway;
    this.registry = registry;
    this.departments = departments;
    this.keys = keys;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || gateway.port().isEmpty()) {
      return;
    }
    List<DeviceProfile> profiles = DemoCounty.devices();
    for (int i = 0; i < profiles.size(); i++) {
      DeviceProfile p = profiles.get(i);
      if (registry.byMn(p.mn()).isEmpty()) {
        Device d = registry.register(form(p, i));
        // the demo's encrypting loggers: their keys set as an admin would, on the device page
        p.sm4Key().ifPresent(hex -> keys.set(d.id(), hex));
      }
    }
    running = DemoDevices.start(gatewayAddress, gateway.port().get(), profiles);
    log.info("{} simulated devices started against the gateway", profiles.size());
  }

  /** The devices reach a gateway on every interface through loopback, else where it listens. */
  private static String reachable(String host) {
    return host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
  }

  private DeviceForm form(DeviceProfile p, int i) {
    String town = TOWNS.get(i % TOWNS.size());
    // Inside the town's sector of the demo outline (see geo/demo-county.geojson).
    double angle = Math.toRadians((i % TOWNS.size()) * 90 + 20 + (i * 37) % 50);
    double radius = 0.05 + (i % 5) * 0.018;
    double lon = 115.62 + radius * Math.cos(angle) * 1.2;
    double lat = 36.52 + radius * Math.sin(angle) * 0.9;
    return new DeviceForm(
        p.mn(),
        p.pw(),
        p.st(),
        p.site(),
        DeviceKind.valueOf(p.kind().name()),
        p.site(),
        departments.resolve(town).map(d -> d.id()).orElse(null),
        p.protocol(),
        CrcDialect.STRICT,
        true,
        Math.round(lon * 1e5) / 1e5,
        Math.round(lat * 1e5) / 1e5);
  }

  @Override
  public void start() {}

  /** Devices disconnect before the gateway stops, so shutdown logs no lost connections. */
  @Override
  public void stop() {
    DemoDevices.Handle h = running;
    if (h != null) {
      h.close();
      running = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running != null;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }
}
