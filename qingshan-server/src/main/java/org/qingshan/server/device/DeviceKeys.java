package org.qingshan.server.device;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.db.AfterCommit;
import org.qingshan.server.ingest.DeviceKeyLookup;
import org.qingshan.server.ingest.PacketsStored;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The devices' SM4 keys (HJ 212-2025): set by an admin, changed through CN=1014, rotated every 90
 * days. Sealed in the database, open in memory for the gateway ({@link #keyOf}); never shown,
 * logged or audited: the audit log records that a key was set, not which.
 */
@Service
public class DeviceKeys implements DeviceKeyLookup {
  private static final Logger log = LoggerFactory.getLogger(DeviceKeys.class);
  private static final String MASKED = "******";

  /** What the device page shows of a key. */
  public record Status(Optional<Instant> setAt, KeyRotation rotation, Optional<KeyChange> change) {
    public boolean set() {
      return setAt.isPresent();
    }
  }

  private final DeviceKeyRepository repository;
  private final MasterKey master;
  private final DeviceRegistry registry;
  private final AuditLog audit;
  private final Messages messages;
  private final Clock clock;
  private final DeviceKeySettings settings;
  private final KeyChangeSender sender;
  private final NewSm4Keys newKeys;
  private final TransactionTemplate tx;
  private final QnGenerator qns;
  private volatile Map<Long, byte[]> keysById = Map.of();

  /** Open changes by the QN their answers carry: most packets are looked up here and let go. */
  private final Map<String, Long> openByQn = new ConcurrentHashMap<>();

  DeviceKeys(
      DeviceKeyRepository repository,
      MasterKey master,
      DeviceRegistry registry,
      AuditLog audit,
      Messages messages,
      Clock clock,
      DeviceKeySettings settings,
      KeyChangeSender sender,
      NewSm4Keys newKeys,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.master = master;
    this.registry = registry;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.settings = settings;
    this.sender = sender;
    this.newKeys = newKeys;
    this.tx = new TransactionTemplate(transactions);
    this.qns = new QnGenerator(clock);
    reload();
  }

  /** The SM4 key of a device, from memory: for the gateway, on its network threads. */
  @Override
  public Optional<byte[]> keyOf(String mn) {
    return registry.byMn(mn).map(d -> keysById.get(d.id())).map(byte[]::clone);
  }

  public Status status(long deviceId) {
    Instant now = clock.instant();
    Optional<DeviceKeyRepository.Row> row = repository.find(deviceId);
    Optional<Instant> setAt =
        row.flatMap(r -> r.sealedKey().isPresent() ? r.setAt() : Optional.empty());
    return new Status(
        setAt,
        KeyRotation.of(setAt, now, settings.rotation(), settings.rotationWarning()),
        row.flatMap(DeviceKeyRepository.Row::change)
            .map(c -> c.expiredBy(now, settings.changeTimeout())));
  }

  /** An admin sets the key the device was configured with. */
  public void set(long deviceId, String hex) {
    byte[] key = Sm4KeyText.parse(hex);
    tx.executeWithoutResult(
        s -> {
          Device d = device(deviceId);
          Status before = status(deviceId);
          Instant now = clock.instant();
          repository.setKey(deviceId, master.seal(key, deviceId), now);
          audit.record(
              AuditAction.UPDATE,
              DeviceRegistry.ENTITY,
              deviceId,
              d.mn() + " " + messages.get("device.sm4.audit.set"),
              Optional.of(masked(before.setAt())),
              Optional.of(masked(Optional.of(now))));
          reloadAfterCommit();
        });
  }

  /**
   * An admin changes the key: the intended key is recorded and sent with CN=1014; it becomes the
   * device's key when the device confirms (9012), and is dropped otherwise. With {@code text} blank
   * the platform makes the key (16 random printable characters); a typed key must be one CN=1014
   * can carry.
   */
  public KeyChange requestChange(long deviceId, String text) {
    byte[] key =
        text == null || text.isBlank() ? newKeys.next() : Sm4KeyText.parseSendable(text.strip());
    Instant now = clock.instant();
    KeyChange sent = KeyChange.sent(qns.next(), now);
    Device d =
        tx.execute(
            s -> {
              Device device = device(deviceId);
              Status before = status(deviceId);
              if (before.change().filter(c -> c.state().open()).isPresent()) {
                throw new UserFacingException("device.sm4.change-open");
              }
              repository.startChange(deviceId, master.seal(key, deviceId), sent);
              openByQn.put(sent.qn(), deviceId);
              auditChange(device, Optional.empty(), sent, false);
              return device;
            });
    boolean out;
    try {
      out = sender.send(d.mn(), sent.qn(), now, key.clone());
    } catch (RuntimeException e) {
      log.warn("key change for {} not sent: {}", d.mn(), e.getClass().getSimpleName());
      out = false;
    }
    if (out) {
      return sent;
    }
    return move(deviceId, sent.qn(), c -> c.notSent(clock.instant()), false).orElse(sent);
  }

  /** The device's 9011/9012 answers to an open change; other packets pass by. */
  @EventListener
  void stored(PacketsStored commit) {
    if (openByQn.isEmpty()) {
      return;
    }
    for (ReceivedPacket received : commit.heard()) {
      Packet p = received.packet();
      boolean request = p.cn().equals(CommandCode.REQUEST_ANSWER);
      boolean execution = p.cn().equals(CommandCode.EXECUTION_RESULT);
      if (!request && !execution) {
        continue;
      }
      Optional<String> qn = p.answeredQn();
      Long deviceId = qn.map(openByQn::get).orElse(null);
      if (deviceId == null || !registry.byMn(p.mn()).map(d -> d.id() == deviceId).orElse(false)) {
        continue; // another device cannot answer for this one
      }
      Instant at = clock.instant();
      if (request) {
        boolean accepted = "1".equals(p.cp().value("QnRtn").orElse(""));
        move(deviceId, qn.get(), c -> c.requestAnswered(accepted, at), true);
      } else {
        boolean done = "1".equals(p.cp().value("ExeRtn").orElse(""));
        move(deviceId, qn.get(), c -> c.executed(done, at), true);
      }
    }
  }

  /** Changes whose answer did not come in time expire: the page and the audit log say so. */
  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  public void expireOverdue() {
    Instant now = clock.instant();
    for (Map.Entry<String, Long> open : Map.copyOf(openByQn).entrySet()) {
      move(open.getValue(), open.getKey(), c -> c.expiredBy(now, settings.changeTimeout()), true);
    }
  }

  private Optional<KeyChange> move(
      long deviceId, String qn, UnaryOperator<KeyChange> step, boolean bySystem) {
    return Optional.ofNullable(
        tx.execute(
            s -> {
              Optional<KeyChange> current =
                  repository.find(deviceId).flatMap(DeviceKeyRepository.Row::change);
              if (current.isEmpty() || !current.get().qn().equals(qn)) {
                openByQn.remove(qn);
                return null;
              }
              KeyChange next = step.apply(current.get());
              if (next.equals(current.get())) {
                return next;
              }
              repository.updateChange(deviceId, next);
              if (!next.state().open()) {
                openByQn.remove(qn);
              }
              auditChange(device(deviceId), current, next, bySystem);
              if (next.state() == KeyChangeState.CONFIRMED) {
                reloadAfterCommit();
              }
              log.info("key change {} of device {}: {}", qn, device(deviceId).mn(), next.state());
              return next;
            }));
  }

  private void auditChange(
      Device d, Optional<KeyChange> before, KeyChange after, boolean bySystem) {
    String summary =
        d.mn() + " " + messages.get("device.sm4.audit.change") + messages.label(after.state());
    Optional<Map<String, Object>> was = before.map(DeviceKeys::changeFields);
    Optional<Map<String, Object>> is = Optional.of(changeFields(after));
    if (bySystem) {
      audit.recordAs(
          AuditLog.SYSTEM, AuditAction.UPDATE, DeviceRegistry.ENTITY, d.id(), summary, was, is);
    } else {
      audit.record(AuditAction.UPDATE, DeviceRegistry.ENTITY, d.id(), summary, was, is);
    }
  }

  private static Map<String, Object> changeFields(KeyChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sm4KeyChange", c.state().name());
    m.put("qn", c.qn());
    m.put("newSm4Key", MASKED);
    return m;
  }

  private static Map<String, Object> masked(Optional<Instant> setAt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sm4Key", setAt.isPresent() ? MASKED : "");
    setAt.ifPresent(at -> m.put("sm4KeySetAt", at.toString()));
    return m;
  }

  private Device device(long id) {
    return registry.find(id).orElseThrow(() -> new UserFacingException("error.not-found"));
  }

  /** Opens every sealed key into memory; a key sealed under another master key is left out. */
  public synchronized void reload() {
    Map<Long, byte[]> keys = new ConcurrentHashMap<>();
    for (DeviceKeyRepository.Row row : repository.all()) {
      row.change()
          .filter(c -> c.state().open())
          .ifPresent(c -> openByQn.put(c.qn(), row.deviceId()));
      if (row.sealedKey().isEmpty()) {
        continue;
      }
      try {
        keys.put(row.deviceId(), master.open(row.sealedKey().get(), row.deviceId()));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        log.warn(
            "the SM4 key of device {} does not open with this master key: set it again",
            row.deviceId());
      }
    }
    keysById = keys;
  }

  private void reloadAfterCommit() {
    AfterCommit.run(this::reload);
  }
}
