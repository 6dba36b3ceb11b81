package org.qingshan.hj212.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CipherForm;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.gateway.GatewayConfig;
import org.qingshan.hj212.gateway.GatewayListener;
import org.qingshan.hj212.gateway.Hj212Gateway;
import org.qingshan.hj212.gateway.ReceivedPacket;
import org.qingshan.hj212.gateway.StoreResult;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

/** {@code hj212 replay} of HJ 212-2025 packets recorded encrypted, sent without their key. */
class Hj212Replay2025Test {
  private static final String MN = "010000A8900016F000169DC0";
  private static final Sm4Key KEY = Sm4Key.ofHex("00112233445566778899AABBCCDDEEFF");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ConcurrentLinkedQueue<ReceivedPacket> stored = new ConcurrentLinkedQueue<>();
  private Hj212Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static Packet hour(int h, boolean resent) {
    return Packet.builder()
        .qn(String.format("20260105%02d0000000", h))
        .st("32")
        .cn("2061")
        .pw("123456")
        .mn(MN)
        .flag(Flag.REPLY_2025)
        .resent(resent)
        .cp(
            DataArea.builder()
                .dataTime(LocalDateTime.of(2026, 1, 5, h, 0))
                .reading("w01018", Optional.of(DataFlag.N), new FactorValue(Suffix.AVG, 17.5 + h))
                .build())
        .build();
  }

  @Test
  void encryptedPacketsAreSentAsRecordedAndTheCentreDecryptsThem() throws Exception {
    gateway =
        Hj212Gateway.start(
            GatewayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(1)
                .deviceKeys(DeviceKeys.of(Map.of(MN, KEY)))
                .build(),
            p -> {
              stored.add(p);
              return CompletableFuture.completedFuture(StoreResult.STORED);
            },
            (mn, pw) -> mn.equals(MN) ? AuthResult.ACCEPTED : AuthResult.UNKNOWN_DEVICE,
            GatewayListener.NONE);
    byte[] binary = PacketEncoder.encode(hour(1, false), KEY, CipherForm.BINARY);
    byte[] text = PacketEncoder.encode(hour(2, true), KEY, CipherForm.HEX_TEXT);
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes(binary);
    input.writeBytes(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Hj212ReplayCommand.run(
            List.of("--port", String.valueOf(gateway.port()), "--timeout", "5"),
            new ByteArrayInputStream(input.toByteArray()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(l));
    }
    assertThat(lines)
        .extracting(j -> j.get("result").asText())
        .containsExactly("answered", "answered");
    assertThat(stored).hasSize(2);
    List<ReceivedPacket> got = List.copyOf(stored);
    assertThat(got).allMatch(r -> r.packet().encrypted());
    assertThat(got.get(0).packet().rawBytes()).isEqualTo(Arrays.copyOf(binary, binary.length - 2));
    assertThat(got.get(1).packet().resent()).isTrue();
    assertThat(got.get(1).packet().cp().reading("w01018").orElseThrow().value(Suffix.AVG))
        .hasValue(19.5);
  }
}
