package org.qingshan.server.alarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.ingest.ObservationKind;
import org.qingshan.server.registry.EnterpriseRepository;
import org.qingshan.server.registry.OutletRepository;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rules as an admin changes them: checked, audited, and in force for the engine once committed. A
 * rule that would fire on nearly every value is saved, with a warning the page shows.
 */
@Service
public class AlarmRuleService {
  static final String ENTITY = "alarm-rule";

  /** A rule checked: what to store, and the message keys of its warnings. */
  public record Checked(AlarmRule rule, List<String> warnings) {}

  private final AlarmRuleRepository rules;
  private final EnterpriseRepository enterprises;
  private final OutletRepository outlets;
  private final DeviceRegistry devices;
  private final AuditLog audit;
  private final AlarmCatalog catalog;
  private final Messages messages;

  AlarmRuleService(
      AlarmRuleRepository rules,
      EnterpriseRepository enterprises,
      OutletRepository outlets,
      DeviceRegistry devices,
      AuditLog audit,
      AlarmCatalog catalog,
      Messages messages) {
    this.rules = rules;
    this.enterprises = enterprises;
    this.outlets = outlets;
    this.devices = devices;
    this.audit = audit;
    this.catalog = catalog;
    this.messages = messages;
  }

  public PageResult<AlarmRule> search(
      Optional<String> text, Optional<AlarmType> type, PageQuery page) {
    return rules.search(text, type, page);
  }

  public AlarmRule get(long id) {
    return rules.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  /** The MN of a rule's device, for the form and the export. */
  public String deviceMn(AlarmRule r) {
    return r.deviceId().flatMap(id -> devices.find(id)).map(Device::mn).orElse("");
  }

  public RuleForm formOf(AlarmRule r) {
    return new RuleForm(
        r.name(),
        r.type().apiName(),
        r.enterpriseId().map(String::valueOf).orElse(""),
        r.outletId().map(String::valueOf).orElse(""),
        deviceMn(r),
        r.factor().orElse(""),
        r.dataKind().map(Enum::name).orElse(""),
        r.threshold().isPresent() ? Evaluator.number(r.threshold().getAsDouble()) : "",
        r.countOrMinutes().isPresent() ? String.valueOf(r.countOrMinutes().getAsInt()) : "",
        r.severity().name(),
        r.enabled(),
        rules.autoCase(r.id()));
  }

  /** Checks a form; a mistake is a {@link UserFacingException} naming the field. */
  public Checked check(long id, RuleForm f) {
    String name = text(f.name());
    if (name.isEmpty() || name.length() > 200) {
      throw new UserFacingException("alarm.rule.error.name");
    }
    AlarmType type =
        AlarmType.fromApiName(text(f.type()))
            .or(() -> enumOf(AlarmType.class, f.type()))
            .orElseThrow(() -> new UserFacingException("alarm.error.type", text(f.type())));
    Severity severity =
        enumOf(Severity.class, f.severity())
            .orElseThrow(() -> new UserFacingException("alarm.rule.error.severity"));
    Optional<Long> enterprise = id(f.enterpriseId());
    enterprise.ifPresent(
        e ->
            enterprises
                .findById(e)
                .orElseThrow(() -> new UserFacingException("alarm.rule.error.enterprise", e)));
    Optional<Long> outlet = id(f.outletId());
    outlet.ifPresent(
        o ->
            outlets
                .findById(o)
                .orElseThrow(() -> new UserFacingException("alarm.rule.error.outlet", o)));
    Optional<Long> device =
        Optional.of(text(f.deviceMn()))
            .filter(s -> !s.isEmpty())
            .map(
                mn ->
                    devices
                        .byMn(mn)
                        .map(Device::id)
                        .orElseThrow(() -> new UserFacingException("alarm.rule.error.device", mn)));
    String factor = text(f.factor());
    if (factor.length() > 32 || !factor.matches("[A-Za-z0-9_-]*")) {
      throw new UserFacingException("alarm.rule.error.factor", factor);
    }
    Optional<ObservationKind> kind =
        text(f.dataKind()).isEmpty()
            ? Optional.empty()
            : Optional.of(
                enumOf(ObservationKind.class, f.dataKind())
                    .orElseThrow(() -> new UserFacingException("alarm.rule.error.data-kind")));
    OptionalDouble threshold = number(f.threshold());
    OptionalInt count = count(f.countOrMinutes());
    if (type == AlarmType.OUT_OF_RANGE && threshold.isEmpty()) {
      throw new UserFacingException("alarm.rule.error.threshold-needed");
    }
    AlarmRule rule =
        new AlarmRule(
            id,
            name,
            type,
            enterprise,
            outlet,
            device,
            Optional.of(factor),
            kind,
            threshold,
            count,
            severity,
            f.enabled());
    return new Checked(rule, warnings(rule));
  }

  /** What makes a rule fire on nearly every value it judges. */
  static List<String> warnings(AlarmRule r) {
    List<String> w = new ArrayList<>();
    double t = r.threshold().orElse(Double.NaN);
    switch (r.type()) {
      case OUT_OF_RANGE, EXCEEDANCE, CONTINUOUS_EXCEEDANCE -> {
        if (t <= 0) {
          w.add("alarm.rule.warning.every-value");
        }
      }
      case JUMP -> {
        if (t <= 0) {
          w.add("alarm.rule.warning.every-change");
        }
      }
      case CONSTANT -> {
        if (r.countOrMinutes().isPresent() && r.countOrMinutes().getAsInt() <= 1) {
          w.add("alarm.rule.warning.every-value");
        }
      }
      case TREATMENT_LOW_LOAD -> {
        if (t >= 1) {
          w.add("alarm.rule.warning.every-value");
        }
      }
      case FLAG -> {
        if (r.countOrMinutes().isPresent() && r.countOrMinutes().getAsInt() <= 0) {
          w.add("alarm.rule.warning.every-value");
        }
      }
      default -> {}
    }
    return w;
  }

  @Transactional
  public Checked create(RuleForm form) {
    Checked c = check(0, form);
    long id = rules.insert(c.rule());
    rules.setAutoCase(id, Boolean.TRUE.equals(form.autoCase()));
    AlarmRule saved = get(id);
    audit.record(
        AuditAction.CREATE, ENTITY, id, saved.name(), Optional.empty(), Optional.of(saved));
    catalog.refreshAfterCommit();
    return new Checked(saved, c.warnings());
  }

  @Transactional
  public Checked update(long id, RuleForm form) {
    AlarmRule before = get(id);
    Checked c = check(id, form);
    rules.update(c.rule());
    boolean autoCaseBefore = rules.autoCase(id);
    boolean autoCase = form.autoCase() == null ? autoCaseBefore : form.autoCase();
    rules.setAutoCase(id, autoCase);
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        autoCaseBefore == autoCase
            ? c.rule().name()
            : c.rule().name()
                + " "
                + (autoCase
                    ? messages.get("alarm.rule.auto-case.true")
                    : messages.get("alarm.rule.auto-case.false")),
        Optional.of(before),
        Optional.of(c.rule()));
    catalog.refreshAfterCommit();
    return c;
  }

  @Transactional
  public void setEnabled(long id, boolean enabled) {
    AlarmRule before = get(id);
    AlarmRule after = before.withEnabled(enabled);
    rules.update(after);
    audit.record(
        AuditAction.UPDATE, ENTITY, id, after.name(), Optional.of(before), Optional.of(after));
    catalog.refreshAfterCommit();
  }

  /**
   * Stores imported rules (id 0: new, else an update of that rule) all together, audited one by
   * one; the rows were checked before.
   */
  @Transactional
  public int importRules(List<AlarmRule> imported) {
    for (AlarmRule r : imported) {
      if (r.id() > 0) {
        AlarmRule before = get(r.id());
        rules.update(r);
        audit.record(
            AuditAction.UPDATE, ENTITY, r.id(), r.name(), Optional.of(before), Optional.of(r));
      } else {
        long id = rules.insert(r);
        audit.record(AuditAction.CREATE, ENTITY, id, r.name(), Optional.empty(), Optional.of(r));
      }
    }
    catalog.refreshAfterCommit();
    return imported.size();
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }

  private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String s) {
    try {
      return Optional.of(Enum.valueOf(type, text(s).toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> id(String s) {
    String t = text(s);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(t));
    } catch (NumberFormatException e) {
      throw new UserFacingException("alarm.rule.error.id", t);
    }
  }

  private static OptionalDouble number(String s) {
    String t = text(s);
    if (t.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      double d = Double.parseDouble(t);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return OptionalDouble.of(d);
    } catch (NumberFormatException e) {
      throw new UserFacingException("alarm.rule.error.threshold", t);
    }
  }

  private static OptionalInt count(String s) {
    String t = text(s);
    if (t.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(t);
      if (n < 0 || n > 1_000_000) {
        throw new NumberFormatException();
      }
      return OptionalInt.of(n);
    } catch (NumberFormatException e) {
      throw new UserFacingException("alarm.rule.error.count", t);
    }
  }
}
