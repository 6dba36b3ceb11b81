package org.qingshan.server.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of the registry a user makes, each checked before anything is written and audited in
 * the same transaction: a refused change leaves everything as it was.
 */
@Service
public class RegistryService {
  static final String OUTLET = "outlet";
  static final String FACILITY = "facility";
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final FacilityRepository facilities;
  private final PermitTotalRepository permits;
  private final DeviceRegistry devices;
  private final DepartmentService departments;
  private final AuditLog audit;

  RegistryService(
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      FacilityRepository facilities,
      PermitTotalRepository permits,
      DeviceRegistry devices,
      DepartmentService departments,
      AuditLog audit) {
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.facilities = facilities;
    this.permits = permits;
    this.devices = devices;
    this.departments = departments;
    this.audit = audit;
  }

  @Transactional
  public Enterprise createEnterprise(Enterprise e) {
    requireUniqueCode(e, Optional.empty());
    departments.requireActiveIfGiven(e.departmentId());
    long id = enterprises.insert(e);
    Enterprise created = enterprises.findById(id).orElseThrow();
    audit.record(
        AuditAction.CREATE,
        RegistryAccess.ENTITY,
        id,
        created.name(),
        Optional.empty(),
        Optional.of(created));
    return created;
  }

  @Transactional
  public Enterprise updateEnterprise(long id, Enterprise e) {
    Enterprise before = enterprise(id);
    requireUniqueCode(e, Optional.of(id));
    departments.requireActiveIfGiven(e.departmentId());
    enterprises.update(withId(e, id));
    Enterprise after = enterprises.findById(id).orElseThrow();
    audit.record(
        AuditAction.UPDATE,
        RegistryAccess.ENTITY,
        id,
        after.name(),
        Optional.of(before),
        Optional.of(after));
    return after;
  }

  private void requireUniqueCode(Enterprise e, Optional<Long> self) {
    enterprises
        .findByCreditCode(e.creditCode())
        .filter(other -> self.isEmpty() || other.id() != self.get())
        .ifPresent(
            other -> {
              throw new UserFacingException(
                  "registry.credit-code.duplicate", e.creditCode().value(), other.name());
            });
  }

  /** Adds an outlet ({@code outletId} empty) or changes one of the enterprise's. */
  @Transactional
  public Outlet saveOutlet(long enterpriseId, Optional<Long> outletId, Outlet o) {
    Enterprise e = enterprise(enterpriseId);
    Optional<Outlet> before = outletId.map(id -> outletOf(enterpriseId, id));
    requireCodeMatchesKind(o.code(), o.kind());
    outlets.ofEnterprise(enterpriseId).stream()
        .filter(x -> x.code().equalsIgnoreCase(o.code().trim()))
        .filter(x -> outletId.isEmpty() || x.id() != outletId.get())
        .findAny()
        .ifPresent(
            x -> {
              throw new UserFacingException("registry.outlet.code.duplicate", o.code().trim());
            });
    if (before.isPresent() && before.get().kind() != o.kind()) {
      // A corrected limit makes no sense at a water outlet: check the limits it already has.
      for (OutletLimit l : outlets.limits(before.get().id())) {
        LimitRules.problem(l, o.kind())
            .ifPresent(
                key -> {
                  throw new UserFacingException(key, l.factor());
                });
      }
    }
    long id;
    if (before.isPresent()) {
      id = before.get().id();
      outlets.update(
          new Outlet(
              id,
              enterpriseId,
              o.code(),
              o.name(),
              o.kind(),
              o.main(),
              o.emissionStandard(),
              o.longitude(),
              o.latitude()));
    } else {
      id = outlets.insert(o);
    }
    Outlet after = outlets.findById(id).orElseThrow();
    audit.record(
        before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
        OUTLET,
        id,
        e.name() + " " + after.code() + " " + after.name(),
        before,
        Optional.of(after));
    return after;
  }

  static void requireCodeMatchesKind(String code, OutletKind kind) {
    String c = code.trim().toUpperCase();
    if ((c.startsWith("DA") && kind != OutletKind.GAS)
        || (c.startsWith("DW") && kind != OutletKind.WATER)) {
      throw new UserFacingException("registry.outlet.code.kind", c);
    }
  }

  /** Sets the limit of a factor and averaging period at an outlet, replacing the one there was. */
  @Transactional
  public void putLimit(long enterpriseId, long outletId, OutletLimit limit) {
    Outlet o = outletOf(enterpriseId, outletId);
    LimitRules.problem(limit, o.kind())
        .ifPresent(
            key -> {
              throw new UserFacingException(key, limit.factor());
            });
    List<OutletLimit> before = outlets.limits(outletId);
    List<OutletLimit> after = new ArrayList<>();
    for (OutletLimit l : before) {
      if (!(l.factor().equals(limit.factor()) && l.averaging() == limit.averaging())) {
        after.add(l);
      }
    }
    after.add(limit);
    replaceLimits(o, before, after);
  }

  @Transactional
  public void removeLimit(long enterpriseId, long outletId, long limitId) {
    Outlet o = outletOf(enterpriseId, outletId);
    List<OutletLimit> before = outlets.limits(outletId);
    List<OutletLimit> after = before.stream().filter(l -> l.id() != limitId).toList();
    if (after.size() == before.size()) {
      throw new UserFacingException("error.not-found");
    }
    replaceLimits(o, before, after);
  }

  /** Replaces the outlet's limits, checked by the caller, with the given ones. */
  @Transactional
  public void replaceLimits(Outlet o, List<OutletLimit> before, List<OutletLimit> after) {
    outlets.replaceLimits(o.id(), after);
    audit.record(
        AuditAction.UPDATE,
        OUTLET,
        o.id(),
        enterprise(o.enterpriseId()).name() + " " + o.code() + " 限值",
        Optional.of(Map.of("limits", before)),
        Optional.of(Map.of("limits", outlets.limits(o.id()))));
  }

  /** Sets the permitted annual total of a pollutant, replacing the one there was. */
  @Transactional
  public void putPermitTotal(long enterpriseId, String pollutant, double tonnes) {
    Enterprise e = enterprise(enterpriseId);
    String p = pollutant.trim();
    if (p.isEmpty() || p.length() > 32) {
      throw new UserFacingException("registry.permit.pollutant.required");
    }
    if (!(tonnes >= 0) || Double.isInfinite(tonnes)) {
      throw new UserFacingException("registry.permit.negative", p);
    }
    List<PermitTotal> before = permits.ofEnterprise(enterpriseId);
    List<PermitTotal> after = new ArrayList<>();
    before.stream().filter(t -> !t.pollutant().equals(p)).forEach(after::add);
    after.add(new PermitTotal(enterpriseId, p, tonnes));
    replacePermits(e, before, after);
  }

  @Transactional
  public void removePermitTotal(long enterpriseId, String pollutant) {
    Enterprise e = enterprise(enterpriseId);
    List<PermitTotal> before = permits.ofEnterprise(enterpriseId);
    replacePermits(
        e, before, before.stream().filter(t -> !t.pollutant().equals(pollutant)).toList());
  }

  private void replacePermits(Enterprise e, List<PermitTotal> before, List<PermitTotal> after) {
    permits.replace(e.id(), after);
    audit.record(
        AuditAction.UPDATE,
        RegistryAccess.ENTITY,
        e.id(),
        e.name() + " 年许可排放量",
        Optional.of(Map.of("permitTotals", before)),
        Optional.of(Map.of("permitTotals", permits.ofEnterprise(e.id()))));
  }

  /** Adds a facility ({@code facilityId} empty) or changes one of the enterprise's. */
  @Transactional
  public Facility saveFacility(long enterpriseId, Optional<Long> facilityId, Facility f) {
    Enterprise e = enterprise(enterpriseId);
    if (f.name().isBlank() || f.name().length() > 200) {
      throw new UserFacingException("registry.facility.name.required");
    }
    if (negative(f.ratedPowerKw().orElse(0)) || negative(f.ratedCurrentA().orElse(0))) {
      throw new UserFacingException("registry.facility.rated.negative");
    }
    Optional<Facility> before = facilityId.map(id -> facilityOf(enterpriseId, id));
    long id;
    if (before.isPresent()) {
      id = before.get().id();
      if (before.get().kind() != f.kind()
          && !facilities.linksOfEnterprise(enterpriseId).stream()
              .filter(l -> l.getKey() == id || l.getValue() == id)
              .toList()
              .isEmpty()) {
        throw new UserFacingException("registry.facility.kind.linked");
      }
      facilities.update(
          new Facility(id, enterpriseId, f.name(), f.kind(), f.ratedPowerKw(), f.ratedCurrentA()));
    } else {
      id =
          facilities.insert(
              new Facility(
                  0, enterpriseId, f.name(), f.kind(), f.ratedPowerKw(), f.ratedCurrentA()));
    }
    Facility after = facilities.findById(id).orElseThrow();
    audit.record(
        before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
        FACILITY,
        id,
        e.name() + " " + after.name(),
        before,
        Optional.of(after));
    return after;
  }

  private static boolean negative(double d) {
    return !(d >= 0) || Double.isInfinite(d);
  }

  /** Records that a treatment facility serves a production facility of the same enterprise. */
  @Transactional
  public void link(long enterpriseId, long productionId, long treatmentId) {
    Enterprise e = enterprise(enterpriseId);
    Facility p = facilityOf(enterpriseId, productionId);
    Facility t = facilityOf(enterpriseId, treatmentId);
    if (p.kind() != FacilityKind.PRODUCTION || t.kind() != FacilityKind.TREATMENT) {
      throw new UserFacingException("registry.facility.link.kinds");
    }
    facilities.link(productionId, treatmentId);
    audit.record(
        AuditAction.UPDATE,
        FACILITY,
        treatmentId,
        e.name() + " " + t.name() + " → " + p.name(),
        Optional.empty(),
        Optional.of(linkState(p, t)));
  }

  @Transactional
  public void unlink(long enterpriseId, long productionId, long treatmentId) {
    Enterprise e = enterprise(enterpriseId);
    Facility p = facilityOf(enterpriseId, productionId);
    Facility t = facilityOf(enterpriseId, treatmentId);
    facilities.unlink(productionId, treatmentId);
    audit.record(
        AuditAction.UPDATE,
        FACILITY,
        treatmentId,
        e.name() + " " + t.name() + " ↛ " + p.name(),
        Optional.of(linkState(p, t)),
        Optional.empty());
  }

  private static Map<String, Object> linkState(Facility p, Facility t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("production", p.name());
    m.put("treatment", t.name());
    return m;
  }

  /** Adds a meter or state channel to a facility; a device's code reports for one facility. */
  @Transactional
  public FacilityChannel addChannel(
      long enterpriseId, long facilityId, long deviceId, String code, ChannelKind kind) {
    Enterprise e = enterprise(enterpriseId);
    Facility f = facilityOf(enterpriseId, facilityId);
    Device d = devices.find(deviceId).orElseThrow(() -> new UserFacingException("error.not-found"));
    String c = code.trim();
    ChannelRules.problem(c, kind)
        .ifPresent(
            key -> {
              throw new UserFacingException(key, c);
            });
    facilities
        .findChannel(deviceId, c)
        .ifPresent(
            x -> {
              throw new UserFacingException("registry.channel.duplicate", d.mn(), c);
            });
    long id = facilities.addChannel(new FacilityChannel(0, facilityId, deviceId, c, kind));
    FacilityChannel created = facilities.findChannel(id).orElseThrow();
    audit.record(
        AuditAction.CREATE,
        FACILITY,
        facilityId,
        e.name() + " " + f.name() + " " + d.mn() + " " + c,
        Optional.empty(),
        Optional.of(created));
    return created;
  }

  @Transactional
  public void removeChannel(long enterpriseId, long channelId) {
    Enterprise e = enterprise(enterpriseId);
    FacilityChannel c =
        facilities
            .findChannel(channelId)
            .orElseThrow(() -> new UserFacingException("error.not-found"));
    Facility f = facilityOf(enterpriseId, c.facilityId());
    facilities.deleteChannel(channelId);
    audit.record(
        AuditAction.DELETE,
        FACILITY,
        f.id(),
        e.name() + " " + f.name() + " " + c.code(),
        Optional.of(c),
        Optional.empty());
  }

  /** Binds a device to an outlet of the enterprise (a device measures one outlet). */
  @Transactional
  public void bindDevice(long enterpriseId, long outletId, long deviceId) {
    Enterprise e = enterprise(enterpriseId);
    Outlet o = outletOf(enterpriseId, outletId);
    Device d = devices.find(deviceId).orElseThrow(() -> new UserFacingException("error.not-found"));
    Optional<Long> before = outlets.outletOfDevice(deviceId);
    outlets.bindDevice(deviceId, outletId);
    audit.record(
        AuditAction.UPDATE,
        OUTLET,
        outletId,
        e.name() + " " + o.code() + " ← " + d.mn(),
        before.map(b -> Map.of("device", d.mn(), "outletId", b)),
        Optional.of(Map.of("device", d.mn(), "outletId", outletId)));
  }

  @Transactional
  public void unbindDevice(long enterpriseId, long outletId, long deviceId) {
    Enterprise e = enterprise(enterpriseId);
    Outlet o = outletOf(enterpriseId, outletId);
    if (!outlets.outletOfDevice(deviceId).equals(Optional.of(outletId))) {
      throw new UserFacingException("error.not-found");
    }
    String mn = devices.find(deviceId).map(Device::mn).orElse(String.valueOf(deviceId));
    outlets.unbindDevice(deviceId);
    audit.record(
        AuditAction.UPDATE,
        OUTLET,
        outletId,
        e.name() + " " + o.code() + " ↛ " + mn,
        Optional.of(Map.of("device", mn, "outletId", outletId)),
        Optional.empty());
  }

  private Enterprise enterprise(long id) {
    return enterprises.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  /** The outlet, if it is one of the enterprise's (an id of another's is not found). */
  Outlet outletOf(long enterpriseId, long outletId) {
    return outlets
        .findById(outletId)
        .filter(o -> o.enterpriseId() == enterpriseId)
        .orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  Facility facilityOf(long enterpriseId, long facilityId) {
    return facilities
        .findById(facilityId)
        .filter(f -> f.enterpriseId() == enterpriseId)
        .orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  private static Enterprise withId(Enterprise e, long id) {
    return new Enterprise(
        id,
        e.name(),
        e.creditCode(),
        e.industryCode(),
        e.industryName(),
        e.address(),
        e.town(),
        e.grid(),
        e.departmentId(),
        e.longitude(),
        e.latitude(),
        e.keyCategories(),
        e.permitNumber(),
        e.permitClass(),
        e.permitValidFrom(),
        e.permitValidTo(),
        e.contactName(),
        e.contactPhone());
  }
}
