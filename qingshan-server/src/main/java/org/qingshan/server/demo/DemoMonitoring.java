package org.qingshan.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.server.QingshanProperties;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Activation;
import org.qingshan.server.device.ActivationState;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceActivations;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKeys;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.ingest.GatewaySettings;
import org.qingshan.simulator.DemoCounty;
import org.qingshan.simulator.DemoDevices;
import org.qingshan.simulator.DeviceProfile;
import org.qingshan.simulator.Hardware;
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
 * against our own gateway over real TCP, so that the monitoring pages are alive. The HJ 212-2025
 * logger that has no MN asks for one (CN=1001); the demo registers it from 未登记设备 as an admin would,
 * and the platform's CN=1002 gives it its MN.
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
  private final DeviceActivations activations;
  private final String gatewayAddress;
  private final List<Waiting> waiting = new CopyOnWriteArrayList<>();
  private volatile DemoDevices.Handle running;
  private volatile ScheduledExecutorService registrar;

  /** A demo logger asking for its MN, to be registered once its CN=1001 is waiting. */
  private record Waiting(String serial, DeviceProfile profile, int index) {}

  DemoMonitoring(
      QingshanProperties properties,
      GatewaySettings gatewaySettings,
      @Value("${qingshan.demo-devices:true}") boolean devices,
      GatewayService gateway,
      DeviceRegistry registry,
      DepartmentService departments,
      DeviceKeys keys,
      DeviceActivations activations) {
    this.enabled = properties.demo() && devices;
    this.gatewayAddress = reachable(gatewaySettings.host());
    this.gateway = gateway;
    this.registry = registry;
    this.departments = departments;
    this.keys = keys;
    this.activations = activations;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled || gateway.port().isEmpty()) {
      return;
    }
    List<DeviceProfile> profiles = new ArrayList<>(DemoCounty.devices());
    for (int i = 0; i < profiles.size(); i++) {
      DeviceProfile p = profiles.get(i);
      if (p.needsMn()) {
        Hardware hw = p.hardware().orElseThrow();
        Optional<String> given = assignedEarlier(hw.serial());
        if (given.isPresent()) {
          profiles.set(i, p.withMn(given.get())); // a logger keeps the MN it was given
        } else {
          waiting.add(new Waiting(hw.serial(), p, i));
        }
      } else if (registry.byMn(p.mn()).isEmpty()) {
        Device d = registry.register(form(p, p.mn(), i));
        // the demo's encrypting loggers: their keys set as an admin would, on the device page
        p.sm4Key().ifPresent(hex -> keys.set(d.id(), hex));
      }
    }
    running = DemoDevices.start(gatewayAddress, gateway.port().get(), profiles);
    log.info("{} simulated devices started against the gateway", profiles.size());
    if (!waiting.isEmpty()) {
      ScheduledExecutorService r =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread t = new Thread(task, "qingshan-demo-activation");
                t.setDaemon(true);
                return t;
              });
      r.scheduleWithFixedDelay(this::registerWaiting, 1, 1, TimeUnit.SECONDS);
      registrar = r;
    }
  }

  /** The MN a demo logger was given in an earlier run of the demo, if its device is still there. */
  private Optional<String> assignedEarlier(String serial) {
    return activations
        .find(serial)
        .flatMap(Activation::assignedMn)
        .filter(mn -> registry.byMn(mn).isPresent());
  }

  /**
   * Registers the demo loggers whose CN=1001 is waiting under 未登记设备, through the service an admin's
   * form uses; one an admin registered meanwhile is left to the admin.
   */
  private void registerWaiting() {
    for (Waiting w : waiting) {
      try {
        Optional<Activation> a = activations.find(w.serial());
        if (a.isEmpty()) {
          continue; // its CN=1001 has not arrived yet
        }
        waiting.remove(w);
        if (a.get().state() == ActivationState.WAITING) {
          Device d =
              activations.register(w.serial(), form(w.profile(), activations.newMn(), w.index()));
          log.info("demo logger {} registered as {}", w.serial(), d.mn());
        }
      } catch (RuntimeException e) {
        // a failed try must not end the schedule; a logger left unregistered is there to register
        log.warn("demo logger {} not registered: {}", w.serial(), e.toString());
      }
    }
    ScheduledExecutorService r = registrar;
    if (waiting.isEmpty() && r != null) {
      r.shutdown();
    }
  }

  /** The devices reach a gateway on every interface through loopback, else where it listens. */
  private static String reachable(String host) {
    return host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
  }

  private DeviceForm form(DeviceProfile p, String mn, int i) {
    String town = TOWNS.get(i % TOWNS.size());
    // Inside the town's sector of the demo outline (see geo/demo-county.geojson).
    double angle = Math.toRadians((i % TOWNS.size()) * 90 + 20 + (i * 37) % 50);
    double radius = 0.05 + (i % 5) * 0.018;
    double lon = 115.62 + radius * Math.cos(angle) * 1.2;
    double lat = 36.52 + radius * Math.sin(angle) * 0.9;
    return new DeviceForm(
        mn,
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
    ScheduledExecutorService r = registrar;
    if (r != null) {
      r.shutdownNow();
    }
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
