package org.qingshan.server.device;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.ingest.ActivationRequest;
import org.qingshan.server.ingest.ActivationRequests;
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
 * HJ 212-2025 network activation on the platform's side: loggers that ask for an MN (CN=1001) wait
 * under 未登记设备 with their fingerprint; an admin registers one, the platform assigns it a
 * 24-character MN and sends CN=1002; its 9011/9012 answers complete the registration. Every step an
 * admin or a logger takes is audited.
 */
@Service
public class DeviceActivations implements ActivationRequests {
  private static final Logger log = LoggerFactory.getLogger(DeviceActivations.class);
  public static final String ENTITY = "device-activation";

  private final ActivationRepository repository;
  private final DeviceRegistry registry;
  private final AuditLog audit;
  private final Messages messages;
  private final Clock clock;
  private final ActivationSettings settings;
  private final MnAssignmentSender sender;
  private final TransactionTemplate tx;
  private final QnGenerator qns;
  private final MeterRegistry meters;
  private final SecureRandom random = new SecureRandom();

  DeviceActivations(
      ActivationRepository repository,
      DeviceRegistry registry,
      AuditLog audit,
      Messages messages,
      Clock clock,
      ActivationSettings settings,
      MnAssignmentSender sender,
      PlatformTransactionManager transactions,
      MeterRegistry meters) {
    this.repository = repository;
    this.registry = registry;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.settings = settings;
    this.sender = sender;
    this.tx = new TransactionTemplate(transactions);
    this.qns = new QnGenerator(clock);
    this.meters = meters;
  }

  /**
   * A logger's CN=1001, from the gateway: recorded for an admin, or dropped and counted when it is
   * malformed or one too many. Returns whether it was recorded (the gateway answers it with 9013).
   */
  @Override
  public boolean requested(ActivationRequest request) {
    if (!request.wellFormed()) {
      return counted("malformed", false);
    }
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              Optional<Activation> known = repository.find(request.serial());
              if (known.isPresent()) {
                Activation a = known.get();
                boolean mismatch =
                    !a.cpuId().equals(request.cpuId())
                        || !a.mac1().equals(request.mac(0))
                        || !a.mac2().equals(request.mac(1));
                repository.seenAgain(a.serial(), request.remoteAddr(), request.at(), mismatch);
                if (mismatch) {
                  log.warn(
                      "CN=1001 for serial {} from {} with another fingerprint: kept the first",
                      a.serial(),
                      request.remoteAddr());
                  return counted("mismatch", true);
                }
                return counted("again", true);
              }
              if (repository.waiting() >= settings.maxWaiting()
                  || repository.waitingFrom(request.remoteAddr()) >= settings.maxPerAddress()) {
                log.warn("CN=1001 from {} dropped: too many loggers waiting", request.remoteAddr());
                return counted("dropped", false);
              }
              repository.insert(request);
              return counted("recorded", true);
            }));
  }

  private boolean counted(String result, boolean recorded) {
    meters.counter("qingshan.activation.requests", "result", result).increment();
    return recorded;
  }

  public List<Activation> recent() {
    return repository.recent(100);
  }

  public Optional<Activation> find(String serial) {
    return repository.find(serial);
  }

  /** A new 24-character MN (hex, as the standard's examples) no registered device has. */
  public String newMn() {
    byte[] b = new byte[12];
    String mn;
    do {
      random.nextBytes(b);
      mn = HexFormat.of().withUpperCase().formatHex(b);
    } while (registry.byMn(mn).isPresent());
    return mn;
  }

  /**
   * An admin registers the waiting logger of {@code serial} as the device of {@code form}, whose MN
   * is one the platform made ({@link #newMn()}): the device is created and CN=1002 gives the logger
   * its MN.
   *
   * @throws UserFacingException when the logger is not waiting, or the MN is not 24 hex digits
   */
  public Device register(String serial, DeviceForm form) {
    repository
        .find(serial)
        .filter(a -> a.state() == ActivationState.WAITING)
        .orElseThrow(() -> new UserFacingException("device.activation.not-waiting"));
    if (form.mn() == null || !form.mn().matches("[0-9A-F]{24}")) {
      throw new UserFacingException("device.activation.mn");
    }
    Device created = registry.register(form);
    registered(serial, created);
    return created;
  }

  /**
   * The admin registered the waiting logger as {@code device}: CN=1002 gives it the device's MN.
   */
  private ActivationState registered(String serial, Device device) {
    Instant now = clock.instant();
    String qn = qns.next();
    tx.executeWithoutResult(
        s -> {
          Activation a =
              repository
                  .find(serial)
                  .filter(x -> x.state() == ActivationState.WAITING)
                  .orElseThrow(() -> new UserFacingException("device.activation.not-waiting"));
          repository.assigned(a.serial(), device.mn(), device.id(), qn, now);
          record(a.serial(), ActivationState.WAITING, ActivationState.ASSIGNED, device.mn(), false);
        });
    boolean out;
    try {
      out = sender.send(serial, device.mn(), qn);
    } catch (RuntimeException e) {
      log.warn("CN=1002 for serial {} not sent: {}", serial, e.getClass().getSimpleName());
      out = false;
    }
    if (out) {
      return ActivationState.ASSIGNED;
    }
    move(serial, ActivationState.ASSIGNED, ActivationState.NOT_SENT, false);
    return ActivationState.NOT_SENT;
  }

  /** The logger's 9011/9012 answers, under its new MN, to the CN=1002 that assigned it. */
  @EventListener
  void stored(PacketsStored commit) {
    for (ReceivedPacket received : commit.heard()) {
      Packet p = received.packet();
      boolean request = p.cn().equals(CommandCode.REQUEST_ANSWER);
      if (!request && !p.cn().equals(CommandCode.EXECUTION_RESULT)) {
        continue;
      }
      Optional<Activation> a =
          p.answeredQn()
              .flatMap(repository::byQn)
              .filter(x -> x.state().awaitingAnswer())
              .filter(x -> x.assignedMn().orElse("").equals(p.mn()));
      if (a.isEmpty()) {
        continue;
      }
      ActivationState from = a.get().state();
      ActivationState to;
      if (request) {
        boolean ok = "1".equals(p.cp().value("QnRtn").orElse(""));
        to = !ok ? ActivationState.FAILED : from;
        if (ok && from == ActivationState.ASSIGNED) {
          to = ActivationState.ACCEPTED;
        }
      } else {
        boolean ok = "1".equals(p.cp().value("ExeRtn").orElse(""));
        to = ok ? ActivationState.CONFIRMED : ActivationState.FAILED;
      }
      if (to != from) {
        move(a.get().serial(), from, to, true);
      }
    }
  }

  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  public void expireOverdue() {
    Instant now = clock.instant();
    for (Activation a : repository.awaitingAnswer()) {
      Instant since = a.stateAt().map(t -> t.toInstant()).orElse(now);
      if (!now.isBefore(since.plus(settings.answerTimeout()))) {
        move(a.serial(), a.state(), ActivationState.EXPIRED, true);
      }
    }
  }

  private void move(String serial, ActivationState from, ActivationState to, boolean bySystem) {
    tx.executeWithoutResult(
        s -> {
          Optional<Activation> a = repository.find(serial).filter(x -> x.state() == from);
          if (a.isEmpty()) {
            return; // moved on meanwhile
          }
          repository.state(serial, to, clock.instant());
          record(serial, from, to, a.get().assignedMn().orElse(""), bySystem);
          log.info("activation of serial {}: {}", serial, to);
        });
  }

  private void record(
      String serial, ActivationState from, ActivationState to, String mn, boolean bySystem) {
    String summary = serial + " " + messages.get("device.activation.audit") + messages.label(to);
    Optional<Map<String, String>> before = Optional.of(Map.of("state", from.name()));
    Optional<Map<String, String>> after = Optional.of(Map.of("state", to.name(), "mn", mn));
    if (bySystem) {
      audit.recordAs(AuditLog.SYSTEM, AuditAction.UPDATE, ENTITY, serial, summary, before, after);
    } else {
      audit.record(AuditAction.UPDATE, ENTITY, serial, summary, before, after);
    }
  }
}
