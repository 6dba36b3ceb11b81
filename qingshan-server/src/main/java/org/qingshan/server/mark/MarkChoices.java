package org.qingshan.server.mark;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Names and choices for the mark pages: enterprises, outlets and the devices bound to them. */
@Component
class MarkChoices {
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final JdbcClient jdbc;

  MarkChoices(EnterpriseRepository enterprises, OutletRepository outlets, JdbcClient jdbc) {
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.jdbc = jdbc;
  }

  /** A device bound to an outlet, as the filing form offers it. */
  record BoundDevice(long id, long outletId, String label) {}

  Map<Long, String> enterpriseNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    enterprises.findAll().forEach(e -> names.put(e.id(), e.name()));
    return names;
  }

  List<Enterprise> enterprisesFor(Optional<Long> own) {
    return own.map(id -> enterprises.findById(id).stream().toList())
        .orElseGet(enterprises::findAll);
  }

  Map<Long, Outlet> outlets() {
    Map<Long, Outlet> all = new LinkedHashMap<>();
    outlets.findAll().forEach(o -> all.put(o.id(), o));
    return all;
  }

  List<BoundDevice> devicesOf(Collection<Outlet> choices) {
    Set<Long> ids = choices.stream().map(Outlet::id).collect(Collectors.toSet());
    return jdbc
        .sql(
            "SELECT d.id, b.outlet_id, d.name, d.mn FROM device d JOIN device_outlet b"
                + " ON b.device_id = d.id ORDER BY b.outlet_id, d.name")
        .query(
            (rs, n) ->
                new BoundDevice(
                    rs.getLong(1), rs.getLong(2), rs.getString(3) + " (" + rs.getString(4) + ")"))
        .list()
        .stream()
        .filter(d -> ids.contains(d.outletId()))
        .toList();
  }

  Optional<Long> outletOfDevice(long deviceId) {
    return outlets.outletOfDevice(deviceId);
  }

  String deviceLabel(long deviceId) {
    return jdbc.sql("SELECT name, mn FROM device WHERE id = :id")
        .param("id", deviceId)
        .query((rs, n) -> rs.getString(1) + " (" + rs.getString(2) + ")")
        .optional()
        .orElse("#" + deviceId);
  }
}
