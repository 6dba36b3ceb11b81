package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.server.device.Device;
import org.qingshan.server.device.DeviceKeys;
import org.qingshan.server.device.DeviceRegistry;
import org.qingshan.server.support.DemoServerTest;
import org.qingshan.server.support.TestDevice;
import org.qingshan.server.support.TestForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An HJ 212-2025 device that encrypts with the SM4 key an admin set: its uploads are decrypted with
 * the key the device feature keeps, stored and answered; the same upload under another key is not.
 */
@DemoServerTest
class EncryptedUploadTest {
  private static final String MN = "QSSM4TEST000000000000001";
  private static final String KEY_HEX = "5A3C19E07B42D8F16E2A905C4B7D13F8";

  @Autowired GatewayService gateway;
  @Autowired DeviceRegistry registry;
  @Autowired DeviceKeys keys;
  @Autowired JdbcClient jdbc;

  @Test
  void anEncryptedUploadIsStoredDecryptedAndAnswered() throws Exception {
    Device d = registry.register(TestForms.stack(MN, "加密测试排口", null));
    keys.set(d.id(), KEY_HEX);
    try (TestDevice device =
        TestDevice.connectEncrypted(
            gateway.port().orElseThrow(),
            MN,
            d.password(),
            Sm4Key.ofHex(KEY_HEX),
            CommandResponder.SILENT)) {
      Packet upload =
          device.hourData(LocalDateTime.of(2026, 11, 22, 8, 0), 31.5).toBuilder()
              .flag(Flag.REPLY_2025)
              .build();
      Packet answer = device.send(upload);
      assertThat(answer.cn()).isEqualTo(CommandCode.DATA_ANSWER);
      assertThat(answer.flag().orElseThrow()).isEqualTo(Flag.NO_REPLY_2025);
    }
    assertThat(
            jdbc.sql(
                    "select o.val from observation o join device d on d.id = o.device_id"
                        + " where d.mn = :mn and o.factor = 'a21026'")
                .param("mn", MN)
                .query(Double.class)
                .list())
        .containsExactly(31.5);
  }

  @Test
  void anUploadUnderAnotherKeyIsNeitherStoredNorAnswered() throws Exception {
    String mn = "QSSM4TEST000000000000002";
    Device d = registry.register(TestForms.stack(mn, "加密测试排口二", null));
    keys.set(d.id(), KEY_HEX);
    try (TestDevice device =
        TestDevice.connectEncrypted(
            gateway.port().orElseThrow(),
            mn,
            d.password(),
            Sm4Key.ofHex("0F1E2D3C4B5A69788796A5B4C3D2E1F0"),
            CommandResponder.SILENT)) {
      Packet upload =
          device.hourData(LocalDateTime.of(2026, 11, 22, 9, 0), 33.0).toBuilder()
              .flag(Flag.REPLY_2025)
              .build();
      assertThat(device.sendAsync(upload)).failsWithin(Duration.ofSeconds(10));
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from data_packet p join device d on d.id = p.device_id"
                        + " where d.mn = :mn")
                .param("mn", mn)
                .query(Long.class)
                .single())
        .isZero();
  }
}
