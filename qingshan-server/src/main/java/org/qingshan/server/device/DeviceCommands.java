package org.qingshan.server.device;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.ingest.GatewayService;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Remote commands from the UI: recorded with their QN before they are sent, so that the device's
 * 9011/9012 answers (stored by the ingest path) find them.
 */
@Service
public class DeviceCommands {
  private static final Logger log = LoggerFactory.getLogger(DeviceCommands.class);

  /** A device that does not take a command within this time is not reading: not delivered. */
  private static final int SEND_TIMEOUT_SECONDS = 5;

  private final GatewayService gateway;
  private final MonitoringQueries queries;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Messages messages;
  private final ZoneId zone;
  private final QnGenerator qns;

  DeviceCommands(
      GatewayService gateway,
      MonitoringQueries queries,
      JdbcClient jdbc,
      AuditLog audit,
      Messages messages,
      ZoneId countyZone) {
    this.gateway = gateway;
    this.queries = queries;
    this.jdbc = jdbc;
    this.audit = audit;
    this.messages = messages;
    this.zone = countyZone;
    this.qns = QnGenerator.systemDefault();
  }

  /** Sends a command; the returned command is SENT, or NOT_DELIVERED when the device is offline. */
  public DeviceCommand send(Device device, CommandRequest request, String requestedBy) {
    if (!gateway.isOnline(device.mn())) {
      throw new UserFacingException("command.error.offline", device.mn());
    }
    Commands commands =
        Commands.to(
            new Commands.Device(device.mn(), device.password(), device.st(), device.protocol()),
            qns);
    Packet packet = request.toPacket(commands, zone);
    String qn = packet.qn().orElseGet(qns::next);
    String description = messages.label(request.kind()) + describe(request);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO device_command (device_id, qn, cn, description, requested_by,"
                + " requested_at, status) VALUES (:d, :qn, :cn, :desc, :by, :at, 'SENT')")
        .param("d", device.id())
        .param("qn", qn)
        .param("cn", packet.cn())
        .param("desc", description)
        .param("by", requestedBy)
        .param("at", OffsetDateTime.now())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    audit.record(
        AuditAction.CREATE,
        "device-command",
        id,
        device.mn() + " " + description,
        Optional.empty(),
        Optional.of(Map.of("mn", device.mn(), "cn", packet.cn(), "qn", qn)));
    try {
      gateway
          .send(device.mn(), packet)
          .toCompletableFuture()
          .orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .join();
    } catch (RuntimeException e) {
      log.info("command {} to {} not delivered: {}", qn, device.mn(), e.getMessage());
      jdbc.sql("UPDATE device_command SET status = 'NOT_DELIVERED' WHERE id = :id")
          .param("id", id)
          .update();
    }
    return queries.command(id).orElseThrow();
  }

  private static String describe(CommandRequest r) {
    StringBuilder sb = new StringBuilder();
    r.interval().ifPresent(i -> sb.append(' ').append(i));
    r.begin().ifPresent(b -> sb.append(' ').append(b));
    r.end().ifPresent(e -> sb.append(" — ").append(e));
    return sb.toString();
  }
}
