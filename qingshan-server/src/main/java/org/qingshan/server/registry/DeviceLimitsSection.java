package org.qingshan.server.registry;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.PageSection;
import org.springframework.stereotype.Component;

/**
 * The device page's part from the registry: the outlet the device measures, its enterprise, the
 * limits with their units, the latest values against them (超标 marked), and the limit line on the
 * trend chart (drawn by {@code registry-limits.js} from {@link DeviceLimitsController}).
 */
@Component
class DeviceLimitsSection implements PageSection {
  private final OutletRepository outlets;
  private final EnterpriseRepository enterprises;
  private final EnterpriseFile files;
  private final ZoneId zone;

  DeviceLimitsSection(
      OutletRepository outlets,
      EnterpriseRepository enterprises,
      EnterpriseFile files,
      ZoneId countyZone) {
    this.outlets = outlets;
    this.enterprises = enterprises;
    this.files = files;
    this.zone = countyZone;
  }

  @Override
  public String page() {
    return DEVICE;
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String fragment() {
    return "registry/device-section :: device";
  }

  @Override
  public Optional<Map<String, Object>> model(long deviceId) {
    Optional<Outlet> outlet = outlets.outletOfDevice(deviceId).flatMap(outlets::findById);
    if (outlet.isEmpty()) {
      return Optional.empty();
    }
    Outlet o = outlet.get();
    List<OutletLimit> limits = outlets.limits(o.id());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("deviceId", deviceId);
    model.put("outlet", o);
    model.put("enterprise", enterprises.findById(o.enterpriseId()).orElseThrow());
    model.put("limits", limits);
    model.put(
        "checks",
        files.checks(deviceId, LocalDateTime.now(zone).minusDays(7), limits).stream()
            .filter(c -> c.limit().isPresent())
            .toList());
    return Optional.of(model);
  }
}
