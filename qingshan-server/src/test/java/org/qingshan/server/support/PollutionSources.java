package org.qingshan.server.support;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.security.Role;
import org.qingshan.server.user.UserForm;
import org.qingshan.server.user.UserService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enterprises with an outlet, a device bound to it and an enterprise user, made fresh for each test
 * on the shared demo server (every name unique), plus hour data written straight to the store.
 */
public final class PollutionSources {
  private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;
  private final UserService users;
  private final JdbcClient jdbc;

  public PollutionSources(
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      DeviceRegistry devices,
      UserService users,
      JdbcClient jdbc) {
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.devices = devices;
    this.users = users;
    this.jdbc = jdbc;
  }

  /** An enterprise, one outlet of the kind, one device bound to it, and its enterprise user. */
  public record Source(long enterpriseId, long outletId, long deviceId, String username) {}

  public static final String PASSWORD = "source-123456";

  public Source create(String name, OutletKind kind) {
    int n = SEQ.incrementAndGet();
    long enterprise =
        enterprises.insert(TestEnterprises.of(name + n, TestEnterprises.uniqueCreditCode()));
    long outlet =
        outlets.insert(
            new Outlet(
                0,
                enterprise,
                kind == OutletKind.GAS ? "DA001" : "DW001",
                "主排口",
                kind,
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    long device =
        devices
            .register(
                new DeviceForm(
                    "QSSRC" + n,
                    "pw-" + n,
                    kind == OutletKind.GAS ? "31" : "32",
                    name + n + " 在线监测",
                    kind == OutletKind.GAS ? DeviceKind.STACK_GAS : DeviceKind.WASTE_WATER,
                    name,
                    null,
                    ProtocolVersion.HJ_212_2017,
                    CrcDialect.STRICT,
                    true,
                    null,
                    null))
            .id();
    outlets.bindDevice(device, outlet);
    String username = "ent" + n;
    long user =
        users
            .create(
                new UserForm(
                    username, name + "环保员", null, "", EnumSet.of(Role.ENTERPRISE), true, PASSWORD),
                false)
            .id();
    enterprises.setEnterpriseOfUser(user, enterprise);
    return new Source(enterprise, outlet, device, username);
  }

  /** One hour value as the ingest stores it. */
  public void hour(long deviceId, String factor, LocalDateTime time, double value, String flag) {
    hour(deviceId, factor, time, value, null, flag);
  }

  public void hour(
      long deviceId, String factor, LocalDateTime time, double value, Double cou, String flag) {
    jdbc.sql(
            "INSERT INTO observation (device_id, kind, factor, data_time, val, cou_val, flag)"
                + " VALUES (:d, 'HOUR', :f, :t, :v, :c, :flag)")
        .param("d", deviceId)
        .param("f", factor)
        .param("t", Timestamp.valueOf(time))
        .param("v", value)
        .param("c", cou)
        .param("flag", flag)
        .update();
  }
}
