package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ingest announces each commit, before the devices get their answers, for rules to listen. */
@DemoServerTest
class PacketsStoredTest {
  private static final String MN = "QSEVENT0001";
  private static final String MN_2025 = "QSEVENT0000000000000002";

  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired ConfigurableApplicationContext context;
  @Autowired JdbcClient jdbc;

  private final List<PacketsStored> heard = new CopyOnWriteArrayList<>();
  private final List<Long> rowsWhenAnnounced = new CopyOnWriteArrayList<>();
  private ApplicationListener<PayloadApplicationEvent<PacketsStored>> listener;
  private final ApplicationListener<PayloadApplicationEvent<PacketsStored>> faulty =
      event -> {
        throw new IllegalStateException("a rule with a bug");
      };

  @BeforeEach
  void listen() {
    // a faulty listener first: the others must still hear every commit
    context.addApplicationListener(faulty);
    listener =
        event -> {
          PacketsStored commit = event.getPayload();
          if (commit.heard().stream().anyMatch(p -> p.packet().mn().equals(MN))) {
            heard.add(commit);
            rowsWhenAnnounced.add(rows());
          }
        };
    context.addApplicationListener(listener);
  }

  @AfterEach
  void stopListening() {
    context.removeApplicationListener(faulty);
    context.removeApplicationListener(listener);
  }

  @Test
  void eachCommitIsAnnouncedOnceStoredAndBeforeTheAnswer() throws Exception {
    Device d = register();
    try (TestDevice client =
        TestDevice.connect(
            gateway.port().orElseThrow(), MN, d.password(), CommandResponder.SILENT)) {
      Packet packet = client.hourData(LocalDateTime.of(2026, 11, 21, 9, 0), 41.0);
      assertThat(client.send(packet).cn()).isEqualTo(CommandCode.DATA_ANSWER);

      // announced before the answer was written: no waiting
      assertThat(heard).hasSize(1);
      assertThat(qns(heard.get(0).stored())).containsExactly(packet.qn().orElseThrow());
      assertThat(heard.get(0).resent()).isEmpty();
      assertThat(rowsWhenAnnounced.get(0)).as("the commit came first").isEqualTo(1);

      assertThat(client.send(packet).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(heard).hasSize(2);
      assertThat(heard.get(1).stored()).isEmpty();
      assertThat(qns(heard.get(1).resent())).containsExactly(packet.qn().orElseThrow());
    }
  }

  /** A 2025 logger's re-sent packet (RF=1) is kept as back-filled, and rules can tell. */
  @Test
  void aResentPacketIsStoredAsBackfilled() throws Exception {
    Device d = registry.register(TestForms.stack(MN_2025, "测试排口 " + MN_2025, null));
    try (TestDevice client =
        TestDevice.connect(
            gateway.port().orElseThrow(), MN_2025, d.password(), CommandResponder.SILENT)) {
      Packet live = client.hourData(LocalDateTime.of(2026, 11, 21, 10, 0), 40.0);
      Packet late =
          client.hourData(LocalDateTime.of(2026, 11, 21, 9, 0), 38.0).toBuilder()
              .flag(Flag.of(2, false, true))
              .resent(true)
              .build();
      assertThat(client.send(live).cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(client.send(late).cn()).isEqualTo(CommandCode.DATA_ANSWER);
    }
    assertThat(
            jdbc.sql(
                    "select p.backfilled from data_packet p join device d on d.id = p.device_id"
                        + " where d.mn = :mn order by p.data_time")
                .param("mn", MN_2025)
                .query(Boolean.class)
                .list())
        .containsExactly(true, false);
  }

  private static List<String> qns(List<ReceivedPacket> packets) {
    return packets.stream().map(p -> p.packet().qn().orElseThrow()).toList();
  }

  private long rows() {
    return jdbc.sql(
            "select count(*) from data_packet p join device d on d.id = p.device_id where d.mn = :mn")
        .param("mn", MN)
        .query(Long.class)
        .single();
  }

  private Device register() {
    return registry.register(TestForms.stack(MN, "测试排口 " + MN, null));
  }
}
