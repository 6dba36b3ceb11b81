package org.qingshan.server.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.department.DepartmentService;
import org.qingshan.server.ingest.IngestDevices;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered devices. The gateway asks it about every packet on a network thread, so it answers
 * from a copy in memory that is refreshed after each committed change.
 */
@Service
public class DeviceRegistry implements IngestDevices {
  public static final String ENTITY = "device";

  /** A blocked device is refused whatever it sends; its password only has to be non-empty. */
  private static final String BLOCKED_DEVICE_PASSWORD = "blocked";

  private final DeviceRepository repository;
  private final UnknownDeviceRepository unknown;
  private final AuditLog audit;
  private volatile Map<String, Device> byMn = Map.of();

  private final Messages messages;
  private final DepartmentService departments;

  DeviceRegistry(
      DeviceRepository repository,
      UnknownDeviceRepository unknown,
      AuditLog audit,
      Messages messages,
      DepartmentService departments) {
    this.departments = departments;
    this.repository = repository;
    this.unknown = unknown;
    this.audit = audit;
    this.messages = messages;
    reload();
  }

  /** Re-reads the registry into memory; called after every committed change. */
  public synchronized void reload() {
    Map<String, Device> map = new ConcurrentHashMap<>();
    repository.findAll().forEach(d -> map.put(d.mn(), d));
    byMn = map;
  }

  @Override
  public AuthResult authenticate(String mn, String pw) {
    Device d = byMn.get(mn);
    if (d == null) {
      return AuthResult.UNKNOWN_DEVICE;
    }
    if (d.blocked()) {
      return AuthResult.BLOCKED;
    }
    return d.password().equals(pw) ? AuthResult.ACCEPTED : AuthResult.WRONG_PASSWORD;
  }

  @Override
  public CrcDialect crcDialect(String mn) {
    Device d = byMn.get(mn);
    return d == null ? CrcDialect.STRICT : d.crcDialect();
  }

  /** The device of an MN, from memory: for the ingest path. */
  public Optional<Device> byMn(String mn) {
    return Optional.ofNullable(byMn.get(mn));
  }

  @Override
  public OptionalLong idOf(String mn) {
    Device d = byMn.get(mn);
    return d == null ? OptionalLong.empty() : OptionalLong.of(d.id());
  }

  public List<Device> all() {
    return List.copyOf(byMn.values());
  }

  public Optional<Device> find(long id) {
    return repository.findById(id);
  }

  @Transactional
  public Device register(DeviceForm form) {
    if (repository.findByMn(form.mn().trim()).isPresent()) {
      throw new UserFacingException("device.error.mn-taken", form.mn().trim());
    }
    departments.requireActiveIfGiven(Optional.ofNullable(form.departmentId()));
    long id = repository.insert(form);
    Device created = repository.findById(id).orElseThrow();
    unknown.delete(created.mn());
    audit.record(
        AuditAction.CREATE,
        ENTITY,
        id,
        created.mn() + " " + created.name(),
        Optional.empty(),
        Optional.of(created.withoutPassword()));
    reloadAfterCommit();
    return created;
  }

  /**
   * Blocks a device that knocked without being registered: it is registered as blocked, so its
   * packets are refused as such and it leaves the list of devices to register.
   */
  @Transactional
  public Device blockUnknown(String mn, String st, String name) {
    if (!mn.matches("[0-9A-Za-z]{1,32}")) {
      throw new UserFacingException("device.mn.pattern");
    }
    DeviceForm empty = DeviceForm.forUnknown(mn, st);
    DeviceForm form =
        new DeviceForm(
            mn,
            BLOCKED_DEVICE_PASSWORD,
            empty.st(),
            name,
            DeviceKind.OTHER,
            "",
            null,
            empty.protocol(),
            empty.crcDialect(),
            false,
            null,
            null);
    Device registered = register(form);
    repository.setBlocked(registered.id(), true);
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        registered.id(),
        mn + " " + messages.get("device.block"),
        Optional.of(Map.of("blocked", false)),
        Optional.of(Map.of("blocked", true)));
    reloadAfterCommit();
    return repository.findById(registered.id()).orElseThrow();
  }

  @Transactional
  public Device update(long id, DeviceForm form) {
    Device before =
        repository.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    repository
        .findByMn(form.mn().trim())
        .filter(other -> other.id() != id)
        .ifPresent(
            other -> {
              throw new UserFacingException("device.error.mn-taken", other.mn());
            });
    departments.requireActiveIfGiven(Optional.ofNullable(form.departmentId()));
    repository.update(id, form);
    Device after = repository.findById(id).orElseThrow();
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        after.mn() + " " + after.name(),
        Optional.of(before.withoutPassword()),
        Optional.of(after.withoutPassword()));
    reloadAfterCommit();
    return after;
  }

  @Transactional
  public void setBlocked(long id, boolean blocked) {
    Device before =
        repository.findById(id).orElseThrow(() -> new UserFacingException("error.not-found"));
    repository.setBlocked(id, blocked);
    audit.record(
        AuditAction.UPDATE,
        ENTITY,
        id,
        before.mn() + " " + messages.get(blocked ? "device.block" : "device.unblock"),
        Optional.of(Map.of("blocked", before.blocked())),
        Optional.of(Map.of("blocked", blocked)));
    reloadAfterCommit();
  }

  private void reloadAfterCommit() {
    AfterCommit.run(this::reload);
  }
}
