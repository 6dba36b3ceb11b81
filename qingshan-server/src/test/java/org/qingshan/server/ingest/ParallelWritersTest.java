package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceForm;
import org.qingshan.server.device.DeviceKind;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Two writer threads: every packet of several devices stored once and answered. */
@DemoServerTest
@TestPropertySource(
    properties = {
      "qingshan.hj212.writers=2",
      "qingshan.db.url=jdbc:h2:mem:writers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
    })
class ParallelWritersTest {
  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired JdbcClient jdbc;

  @Test
  void everyPacketOfEveryDeviceIsStoredOnceAndAnswered() throws Exception {
    LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).minusHours(1);
    List<Device> devices = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      devices.add(
          registry.register(
              new DeviceForm(
                  "QSWRITER0" + i,
                  "pw-" + i,
                  "31",
                  "并行写入 " + i,
                  DeviceKind.STACK_GAS,
                  "",
                  null,
                  ProtocolVersion.HJ_212_2017,
                  CrcDialect.STRICT,
                  false,
                  null,
                  null)));
    }
    List<CompletableFuture<Packet>> answers = new ArrayList<>();
    List<TestDevice> clients = new ArrayList<>();
    try {
      for (Device d : devices) {
        TestDevice client =
            TestDevice.connect(
                gateway.port().orElseThrow(), d.mn(), d.password(), CommandResponder.SILENT);
        clients.add(client);
        for (int s = 0; s < 40; s++) {
          Packet p = client.realtime(start.plusSeconds(30L * s), s);
          answers.add(client.sendAsync(p));
          if (s % 10 == 0) {
            answers.add(client.sendAsync(p.toBuilder().qn(TestDevice.nextQn()).build())); // resent
          }
        }
      }
      for (CompletableFuture<Packet> a : answers) {
        assertThat(a.get().cn()).isEqualTo(CommandCode.DATA_ANSWER);
      }
    } finally {
      clients.forEach(TestDevice::close);
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .contains("qingshan-ingest-0", "qingshan-ingest-1");
    assertThat(devices)
        .extracting(d -> Math.floorMod(d.mn().hashCode(), 2))
        .contains(0, 1); // both writers had devices
    for (Device d : devices) {
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM data_packet WHERE device_id = :d")
                  .param("d", d.id())
                  .query(Long.class)
                  .single())
          .isEqualTo(40);
    }
  }
}
