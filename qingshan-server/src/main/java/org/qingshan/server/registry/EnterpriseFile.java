package org.qingshan.server.registry;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.device.MonitoringQueries;
import org.qingshan.server.ingest.Observation;
import org.qingshan.server.ingest.ObservationKind;
import org.springframework.stereotype.Component;

/** 一企一档: what the registry knows of an enterprise, with the latest data of its outlets. */
@Component
public class EnterpriseFile {
  private final OutletRepository outlets;
  private final FacilityRepository facilities;
  private final PermitTotalRepository permits;
  private final DeviceRegistry devices;
  private final MonitoringQueries queries;
  private final ZoneId zone;

  EnterpriseFile(
      OutletRepository outlets,
      FacilityRepository facilities,
      PermitTotalRepository permits,
      DeviceRegistry devices,
      MonitoringQueries queries,
      ZoneId countyZone) {
    this.outlets = outlets;
    this.facilities = facilities;
    this.permits = permits;
    this.devices = devices;
    this.queries = queries;
    this.zone = countyZone;
  }

  /** An outlet with its limits, its devices and their latest values against the limits. */
  public record OutletFile(
      Outlet outlet, List<OutletLimit> limits, List<Device> devices, List<DeviceLatest> latest) {
    public long exceeding() {
      return latest.stream().flatMap(d -> d.checks().stream()).filter(LimitCheck::exceeds).count();
    }
  }

  /** A device's latest values of the kinds limits are judged on. */
  public record DeviceLatest(Device device, List<LimitCheck> checks) {}

  /** A facility with its channels, and the facilities on the other side of its links. */
  public record FacilityFile(
      Facility facility, List<FacilityChannel> channels, List<Facility> linked) {}

  public record View(
      Enterprise enterprise,
      List<OutletFile> outlets,
      List<PermitTotal> permits,
      List<FacilityFile> facilities,
      Map<Long, Device> devices) {}

  public View of(Enterprise e) {
    Map<Long, Device> byId = new HashMap<>();
    devices.all().forEach(d -> byId.put(d.id(), d));
    LocalDateTime since = LocalDateTime.now(zone).minusDays(7);
    List<OutletFile> outletFiles = new ArrayList<>();
    for (Outlet o : outlets.ofEnterprise(e.id())) {
      List<OutletLimit> limits = outlets.limits(o.id());
      List<Device> bound = new ArrayList<>();
      List<DeviceLatest> latest = new ArrayList<>();
      for (long deviceId : outlets.devicesOfOutlet(o.id())) {
        Optional.ofNullable(byId.get(deviceId))
            .ifPresent(
                d -> {
                  bound.add(d);
                  latest.add(new DeviceLatest(d, checks(d.id(), since, limits)));
                });
      }
      outletFiles.add(new OutletFile(o, limits, bound, latest));
    }
    List<Facility> all = facilities.ofEnterprise(e.id());
    List<Map.Entry<Long, Long>> links = facilities.linksOfEnterprise(e.id());
    List<FacilityChannel> channels = facilities.channelsOfEnterprise(e.id());
    List<FacilityFile> facilityFiles = new ArrayList<>();
    for (Facility f : all) {
      List<Long> other =
          links.stream()
              .filter(l -> l.getKey() == f.id() || l.getValue() == f.id())
              .map(l -> l.getKey() == f.id() ? l.getValue() : l.getKey())
              .toList();
      facilityFiles.add(
          new FacilityFile(
              f,
              channels.stream().filter(c -> c.facilityId() == f.id()).toList(),
              all.stream().filter(x -> other.contains(x.id())).toList()));
    }
    return new View(e, outletFiles, permits.ofEnterprise(e.id()), facilityFiles, byId);
  }

  /** The latest real-time, hour and day values of a device, each against its limit. */
  public List<LimitCheck> checks(long deviceId, LocalDateTime since, List<OutletLimit> limits) {
    List<LimitCheck> out = new ArrayList<>();
    for (Observation o : queries.latest(deviceId, since)) {
      if (o.kind() == ObservationKind.REALTIME
          || o.kind() == ObservationKind.HOUR
          || o.kind() == ObservationKind.DAY) {
        out.add(LimitCheck.of(o, limits));
      }
    }
    return out;
  }
}
