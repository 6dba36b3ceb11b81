package org.qingshan.server.device;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.ingest.GatewayService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HJ 212-2025's commands of the device feature sent through the gateway: a new SM4 key (CN=1014)
 * and an assigned MN (CN=1002), each with the QN the device's answers will carry.
 */
@Configuration
class GatewaySenders {
  private static final Logger log = LoggerFactory.getLogger(GatewaySenders.class);

  /** How long sending may take before it counts as not sent. */
  private static final long SEND_SECONDS = 5;

  @Bean
  KeyChangeSender keyChangeSender(
      GatewayService gateway, DeviceRegistry registry, ZoneId countyZone) {
    return (mn, qn, createdAt, newKey) -> {
      Device d = registry.byMn(mn).orElse(null);
      if (d == null || !gateway.isOnline(mn)) {
        return false;
      }
      Packet packet =
          commandsTo(d.mn(), d.password(), d.st(), d.protocol())
              .changeSm4Key(Sm4Key.of(newKey), LocalDateTime.ofInstant(createdAt, countyZone))
              .toBuilder()
              .qn(qn)
              .build();
      return sent(gateway.send(mn, packet).toCompletableFuture(), "CN=1014 to " + mn);
    };
  }

  @Bean
  MnAssignmentSender mnAssignmentSender(GatewayService gateway) {
    return (serial, assignedMn, qn) -> {
      // the logger has no password yet: the header carries its new MN, the CP its serial
      Packet packet =
          commandsTo(assignedMn, "", "91", ProtocolVersion.HJ_212_2025).assignMn(serial).toBuilder()
              .qn(qn)
              .build();
      return sent(
          gateway.sendToActivating(serial, packet).toCompletableFuture(), "CN=1002 to " + serial);
    };
  }

  private static Commands commandsTo(String mn, String pw, String st, ProtocolVersion protocol) {
    return Commands.to(new Commands.Device(mn, pw, st, protocol), QnGenerator.systemDefault());
  }

  private static boolean sent(CompletableFuture<Void> sending, String what) {
    try {
      sending.get(SEND_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      log.warn("{} not sent: {}", what, e.getClass().getSimpleName());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
