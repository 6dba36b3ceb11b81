package org.qingshan.server.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.ImportPreview.ChannelRow;
import org.qingshan.server.registry.ImportPreview.EnterpriseRow;
import org.qingshan.server.registry.ImportPreview.FacilityRow;
import org.qingshan.server.registry.ImportPreview.LimitRow;
import org.qingshan.server.registry.ImportPreview.OutletRow;
import org.qingshan.server.registry.ImportPreview.PermitRow;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the good rows of a confirmed import, all or nothing, with one audit entry: enterprises by
 * credit code, outlets by code, facilities by name, limits and permits by factor are updated where
 * they exist and added where not; nothing the file does not name is removed.
 */
@Service
class RegistryImporter {
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final PermitTotalRepository permits;
  private final FacilityRepository facilities;
  private final DeviceRegistry devices;
  private final AuditLog audit;
  private final Messages messages;

  RegistryImporter(
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      PermitTotalRepository permits,
      FacilityRepository facilities,
      DeviceRegistry devices,
      AuditLog audit,
      Messages messages) {
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.permits = permits;
    this.facilities = facilities;
    this.devices = devices;
    this.audit = audit;
    this.messages = messages;
  }

  @Transactional
  public int apply(ImportPreview p) {
    Map<String, Long> firmIds = new HashMap<>();
    int createdFirms = 0;
    for (EnterpriseRow r : p.enterprises()) {
      Enterprise e = r.enterprise();
      Optional<Enterprise> existing = enterprises.findByCreditCode(e.creditCode());
      if (existing.isPresent()) {
        enterprises.update(e.with(existing.get().id(), existing.get().departmentId()));
        firmIds.put(e.creditCode().value(), existing.get().id());
      } else {
        firmIds.put(e.creditCode().value(), enterprises.insert(e));
        createdFirms++;
      }
    }
    Map<String, Long> outletIds = new HashMap<>();
    for (OutletRow r : p.outlets()) {
      long eid = firm(r.creditCode(), firmIds);
      Outlet o = r.outlet();
      Optional<Outlet> existing = outlet(eid, o.code());
      long id;
      if (existing.isPresent()) {
        id = existing.get().id();
        outlets.update(
            new Outlet(
                id,
                eid,
                o.code(),
                o.name(),
                o.kind(),
                o.main(),
                o.emissionStandard(),
                o.longitude(),
                o.latitude()));
      } else {
        id =
            outlets.insert(
                new Outlet(
                    0,
                    eid,
                    o.code(),
                    o.name(),
                    o.kind(),
                    o.main(),
                    o.emissionStandard(),
                    o.longitude(),
                    o.latitude()));
      }
      outletIds.put(r.creditCode() + "/" + o.code(), id);
      for (String mn : r.deviceMns()) {
        Device d = devices.byMn(mn).orElseThrow(() -> stale());
        outlets.bindDevice(d.id(), id);
      }
    }
    Map<Long, List<OutletLimit>> limitsByOutlet = new LinkedHashMap<>();
    for (LimitRow r : p.limits()) {
      long eid = firm(r.creditCode(), firmIds);
      long oid =
          Optional.ofNullable(outletIds.get(r.creditCode() + "/" + r.outletCode()))
              .or(() -> outlet(eid, r.outletCode()).map(Outlet::id))
              .orElseThrow(this::stale);
      limitsByOutlet.computeIfAbsent(oid, k -> new ArrayList<>()).add(r.limit());
    }
    limitsByOutlet.forEach(
        (oid, added) -> {
          List<OutletLimit> merged = new ArrayList<>();
          for (OutletLimit l : outlets.limits(oid)) {
            if (added.stream()
                .noneMatch(a -> a.factor().equals(l.factor()) && a.averaging() == l.averaging())) {
              merged.add(l);
            }
          }
          merged.addAll(added);
          outlets.replaceLimits(oid, merged);
        });
    Map<Long, List<PermitRow>> permitsByFirm = new LinkedHashMap<>();
    for (PermitRow r : p.permits()) {
      permitsByFirm.computeIfAbsent(firm(r.creditCode(), firmIds), k -> new ArrayList<>()).add(r);
    }
    permitsByFirm.forEach(
        (eid, added) -> {
          List<PermitTotal> merged = new ArrayList<>();
          for (PermitTotal t : permits.ofEnterprise(eid)) {
            if (added.stream().noneMatch(a -> a.pollutant().equals(t.pollutant()))) {
              merged.add(t);
            }
          }
          added.forEach(a -> merged.add(new PermitTotal(eid, a.pollutant(), a.tonnes())));
          permits.replace(eid, merged);
        });
    for (FacilityRow r : p.facilities()) {
      long eid = firm(r.creditCode(), firmIds);
      Optional<Facility> existing = facility(eid, r.name());
      Facility f = new Facility(0, eid, r.name(), r.kind(), r.ratedPowerKw(), r.ratedCurrentA());
      if (existing.isPresent()) {
        facilities.update(
            new Facility(
                existing.get().id(), eid, r.name(), r.kind(), r.ratedPowerKw(), r.ratedCurrentA()));
      } else {
        facilities.insert(f);
      }
    }
    for (FacilityRow r : p.facilities()) {
      long eid = firm(r.creditCode(), firmIds);
      long treatment = facility(eid, r.name()).orElseThrow(this::stale).id();
      for (String served : r.serves()) {
        facilities.link(facility(eid, served).orElseThrow(this::stale).id(), treatment);
      }
    }
    for (ChannelRow r : p.channels()) {
      long eid = firm(r.creditCode(), firmIds);
      long fid = facility(eid, r.facilityName()).orElseThrow(this::stale).id();
      Device d = devices.byMn(r.mn()).orElseThrow(this::stale);
      Optional<FacilityChannel> existing = facilities.findChannel(d.id(), r.code());
      if (existing.isPresent()) {
        facilities.updateChannel(
            new FacilityChannel(existing.get().id(), fid, d.id(), r.code(), r.kind()));
      } else {
        facilities.addChannel(new FacilityChannel(0, fid, d.id(), r.code(), r.kind()));
      }
    }
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("file", p.fileName());
    state.put("enterprises", p.enterprises().size());
    state.put("newEnterprises", createdFirms);
    state.put("outlets", p.outlets().size());
    state.put("limits", p.limits().size());
    state.put("permits", p.permits().size());
    state.put("facilities", p.facilities().size());
    state.put("channels", p.channels().size());
    state.put("skippedRows", p.errors().size());
    audit.record(
        AuditAction.IMPORT,
        RegistryAccess.ENTITY,
        null,
        messages.get("registry.import.audit", p.fileName(), p.goodRows(), p.errors().size()),
        Optional.empty(),
        Optional.of(state));
    return p.goodRows();
  }

  private long firm(String code, Map<String, Long> ids) {
    return ids.computeIfAbsent(
        code, c -> enterprises.findByCreditCode(new CreditCode(c)).orElseThrow(this::stale).id());
  }

  private Optional<Outlet> outlet(long eid, String code) {
    return outlets.ofEnterprise(eid).stream()
        .filter(o -> o.code().equalsIgnoreCase(code))
        .findFirst();
  }

  private Optional<Facility> facility(long eid, String name) {
    return facilities.ofEnterprise(eid).stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The registry changed between the preview and the confirmation. */
  private UserFacingException stale() {
    return new UserFacingException("registry.import.stale");
  }
}
