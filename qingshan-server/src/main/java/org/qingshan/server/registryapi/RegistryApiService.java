package org.qingshan.server.registryapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.registry.Averaging;
import org.qingshan.server.registry.CreditCode;
import org.qingshan.server.registry.Enterprise;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.LimitRules;
import org.qingshan.server.registry.Outlet;
import org.qingshan.server.registry.OutletKind;
import org.qingshan.server.registry.OutletLimit;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.registry.RegistryService;
import org.qingshan.server.registryapi.RegistryApiModels.DeviceRequest;
import org.qingshan.server.registryapi.RegistryApiModels.EnterpriseRequest;
import org.qingshan.server.registryapi.RegistryApiModels.LimitRequest;
import org.qingshan.server.registryapi.RegistryApiModels.OutletRequest;
import org.qingshan.server.web.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry API's writes: each request checked whole (every bad field reported at once), then
 * handed to the registry's own service, which stores and audits it as the pages' changes are.
 * Devices are registered through the device registry, so the gateway knows them from the commit on.
 */
@Service
class RegistryApiService {
  static final String OUTLET = "outlet";

  /** The code set of GB 32100, for telling a mistyped code from one whose check digit is wrong. */
  private static final Pattern CREDIT_CODE_FORM = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

  private static final Pattern OUTLET_CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");
  private static final Pattern FACTOR = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern MN = Pattern.compile("[0-9A-Za-z]{1,32}");
  private static final Pattern ST = Pattern.compile("\\d{2}");
  private static final int MAX_NAME = 200;
  private static final int MAX_UNIT = 20;
  private static final int MAX_PASSWORD = 64;

  private final RegistryService registry;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;
  private final AuditLog audit;

  RegistryApiService(
      RegistryService registry,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      DeviceRegistry devices,
      AuditLog audit) {
    this.registry = registry;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.devices = devices;
    this.audit = audit;
  }

  @Transactional
  long createEnterprise(EnterpriseRequest request) {
    ApiProblem problem = new ApiProblem();
    String name = text(request.name());
    if (name.isEmpty()) {
      problem.add("name", "registry-api.enterprise.name.required");
    } else if (name.length() > MAX_NAME) {
      problem.add("name", "registry-api.error.too-long", MAX_NAME);
    }
    Optional<CreditCode> code = creditCode(request.creditCode(), problem);
    code.flatMap(enterprises::findByCreditCode)
        .ifPresent(
            other ->
                problem.add(
                    HttpStatus.CONFLICT,
                    "creditCode",
                    "registry-api.enterprise.credit-code.taken",
                    other.creditCode().value(),
                    other.name()));
    problem.throwIfAny();
    Enterprise e =
        new Enterprise(
            0,
            name,
            code.orElseThrow(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    try {
      return registry.createEnterprise(e).id();
    } catch (UserFacingException refused) {
      // the code registered by someone else between our check and the insert
      throw ApiProblem.from(refused, HttpStatus.CONFLICT, "creditCode");
    }
  }

  @Transactional
  long createOutlet(long enterpriseId, OutletRequest request) {
    Enterprise enterprise = enterprise(enterpriseId);
    ApiProblem problem = new ApiProblem();
    String code = text(request.code()).toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      problem.add("code", "registry-api.outlet.code.required");
    } else if (!OUTLET_CODE.matcher(code).matches()) {
      problem.add("code", "registry-api.outlet.code.pattern");
    } else if (outlets.ofEnterprise(enterpriseId).stream().anyMatch(o -> o.code().equals(code))) {
      problem.add(HttpStatus.CONFLICT, "code", "registry-api.outlet.code.taken", code);
    }
    String name = text(request.name());
    if (name.isEmpty()) {
      problem.add("name", "registry-api.outlet.name.required");
    } else if (name.length() > MAX_NAME) {
      problem.add("name", "registry-api.error.too-long", MAX_NAME);
    }
    Optional<OutletKind> kind = word(request.kind(), OutletKind.class);
    if (kind.isEmpty()) {
      problem.add("kind", "registry-api.outlet.kind.unknown");
    }
    problem.throwIfAny();
    Outlet outlet =
        new Outlet(
            0,
            enterpriseId,
            code,
            name,
            kind.get(),
            true,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    try {
      return registry.saveOutlet(enterprise.id(), Optional.empty(), outlet).id();
    } catch (UserFacingException refused) {
      // the registry's own rules: a code taken meanwhile, or a DA/DW code of the other kind
      boolean taken = refused.messageKey().equals("registry.outlet.code.duplicate");
      throw ApiProblem.from(refused, taken ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, "code");
    }
  }

  /** Replaces an outlet's limits with the given ones; nothing changes if any of them is bad. */
  @Transactional
  List<OutletLimit> replaceLimits(long outletId, List<LimitRequest> requests) {
    Outlet outlet = outlet(outletId);
    ApiProblem problem = new ApiProblem();
    List<OutletLimit> limits = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requests.size(); i++) {
      LimitRequest r = requests.get(i);
      String at = "[" + i + "].";
      if (r == null) {
        problem.add("[" + i + "]", "registry-api.limit.missing");
        continue;
      }
      String factor = text(r.factor());
      if (factor.isEmpty()) {
        problem.add(at + "factor", "registry-api.limit.factor.required");
      } else if (!FACTOR.matcher(factor).matches()) {
        problem.add(at + "factor", "registry-api.limit.factor.pattern");
      }
      if (r.limit() == null) {
        problem.add(at + "limit", "registry-api.limit.limit.required");
      } else if (r.limit() < 0 || r.limit().isNaN() || r.limit().isInfinite()) {
        problem.add(at + "limit", "registry-api.limit.limit.negative");
      }
      String unit = text(r.unit());
      if (unit.isEmpty()) {
        problem.add(at + "unit", "registry-api.limit.unit.required");
      } else if (unit.length() > MAX_UNIT) {
        problem.add(at + "unit", "registry-api.error.too-long", MAX_UNIT);
      }
      Optional<Averaging> averaging = word(r.averaging(), Averaging.class);
      if (averaging.isEmpty()) {
        problem.add(at + "averaging", "registry-api.limit.averaging.unknown");
      }
      boolean corrected = Boolean.TRUE.equals(r.corrected());
      Double ref = r.referenceO2();
      if (ref != null && !(ref >= 0 && ref < LimitRules.AIR_OXYGEN)) {
        problem.add(at + "referenceO2", "registry-api.limit.reference-o2.range");
      } else if (corrected && ref == null) {
        problem.add(at + "referenceO2", "registry-api.limit.reference-o2.required");
      }
      if (averaging.isPresent() && !factor.isEmpty() && !seen.add(factor + "/" + averaging.get())) {
        problem.add(at + "averaging", "registry-api.limit.duplicate", factor);
      }
      if (!problem.any()) {
        limits.add(
            new OutletLimit(
                0,
                outletId,
                factor,
                averaging.get(),
                r.limit(),
                OptionalDouble.empty(),
                unit,
                Optional.empty(),
                corrected,
                ref == null ? OptionalDouble.empty() : OptionalDouble.of(ref)));
      }
    }
    problem.throwIfAny();
    registry.replaceLimits(outlet, outlets.limits(outletId), limits);
    return outlets.limits(outletId);
  }

  /** Registers a device with the gateway's registry and binds it to its outlet, if one is named. */
  @Transactional
  long registerDevice(DeviceRequest request) {
    ApiProblem problem = new ApiProblem();
    String mn = text(request.mn());
    if (mn.isEmpty()) {
      problem.add("mn", "registry-api.device.mn.required");
    } else if (!MN.matcher(mn).matches()) {
      problem.add("mn", "registry-api.device.mn.pattern");
    } else if (devices.byMn(mn).isPresent()) {
      problem.add(HttpStatus.CONFLICT, "mn", "registry-api.device.mn.taken", mn);
    }
    String password = request.password() == null ? "" : request.password();
    if (password.isBlank()) {
      problem.add("password", "registry-api.device.password.required");
    } else if (password.length() > MAX_PASSWORD) {
      problem.add("password", "registry-api.error.too-long", MAX_PASSWORD);
    }
    String st = text(request.st());
    if (!ST.matcher(st).matches()) {
      problem.add("st", "registry-api.device.st.pattern");
    }
    Optional<Outlet> outlet = Optional.empty();
    if (request.outletId() != null) {
      outlet = outlets.findById(request.outletId());
      if (outlet.isEmpty()) {
        problem.add(
            HttpStatus.NOT_FOUND, "outletId", "registry-api.outlet.not-found", request.outletId());
      }
    }
    String name = text(request.name());
    if (name.length() > MAX_NAME) {
      problem.add("name", "registry-api.error.too-long", MAX_NAME);
    }
    problem.throwIfAny();
    Optional<Enterprise> enterprise = outlet.flatMap(o -> enterprises.findById(o.enterpriseId()));
    DeviceForm defaults = DeviceForm.empty();
    String site =
        outlet
            .map(o -> enterprise.map(Enterprise::name).orElse("") + " " + o.code())
            .orElse("")
            .trim();
    DeviceForm form =
        new DeviceForm(
            mn,
            password,
            st,
            name.isEmpty() ? (site.isEmpty() ? mn : site) : name,
            kind(st, outlet),
            site,
            enterprise.flatMap(Enterprise::departmentId).orElse(null),
            defaults.protocol(),
            defaults.crcDialect(),
            st.equals("31") || st.equals("32"),
            null,
            null);
    Device device;
    try {
      device = devices.register(form);
    } catch (UserFacingException e) {
      // the MN taken between our check and the insert, or the enterprise's department retired
      boolean taken = e.messageKey().equals("device.error.mn-taken");
      throw ApiProblem.from(
          e, taken ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, taken ? "mn" : null);
    }
    outlet.ifPresent(
        o -> {
          outlets.bindDevice(device.id(), o.id());
          audit.record(
              AuditAction.UPDATE,
              DeviceRegistry.ENTITY,
              device.id(),
              device.mn() + " → " + o.code() + " " + o.name(),
              Optional.of(Map.of("outlet", "")),
              Optional.of(Map.of("outlet", o.id())));
        });
    return device.id();
  }

  Enterprise enterprise(long id) {
    return enterprises
        .findById(id)
        .orElseThrow(
            () ->
                ApiProblem.of(HttpStatus.NOT_FOUND, "id", "registry-api.enterprise.not-found", id));
  }

  Outlet outlet(long id) {
    return outlets
        .findById(id)
        .orElseThrow(
            () -> ApiProblem.of(HttpStatus.NOT_FOUND, "id", "registry-api.outlet.not-found", id));
  }

  private static Optional<CreditCode> creditCode(String text, ApiProblem problem) {
    String code = text(text).toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      problem.add("creditCode", "registry-api.enterprise.credit-code.required");
      return Optional.empty();
    }
    if (!CREDIT_CODE_FORM.matcher(code).matches()) {
      problem.add("creditCode", "registry-api.enterprise.credit-code.form");
      return Optional.empty();
    }
    Optional<CreditCode> parsed = CreditCode.parse(code);
    if (parsed.isEmpty()) {
      problem.add("creditCode", "registry-api.enterprise.credit-code.check");
    }
    return parsed;
  }

  /** The device kind an outlet or a system code implies, for the device list's filter. */
  private static DeviceKind kind(String st, Optional<Outlet> outlet) {
    if (outlet.isPresent()) {
      return outlet.get().kind() == OutletKind.GAS ? DeviceKind.STACK_GAS : DeviceKind.WASTE_WATER;
    }
    return switch (st) {
      case "31" -> DeviceKind.STACK_GAS;
      case "32" -> DeviceKind.WASTE_WATER;
      case "22" -> DeviceKind.AMBIENT_AIR;
      case "21" -> DeviceKind.SURFACE_WATER;
      case "44" -> DeviceKind.ELECTRICITY;
      case "45" -> DeviceKind.PRODUCTION_STATE;
      default -> DeviceKind.OTHER;
    };
  }

  /** An enumeration constant named by its lower-case word ("gas", "realtime"); empty otherwise. */
  private static <E extends Enum<E>> Optional<E> word(String text, Class<E> type) {
    String w = text(text).toLowerCase(Locale.ROOT);
    return EnumSet.allOf(type).stream()
        .filter(c -> c.name().toLowerCase(Locale.ROOT).equals(w))
        .findFirst();
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }
}
