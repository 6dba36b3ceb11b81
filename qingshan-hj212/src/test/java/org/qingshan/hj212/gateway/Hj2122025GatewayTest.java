package org.qingshan.hj212.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.CipherForm;
import org.qingshan.hj212.codec.DecoderOptions;
import org.qingshan.hj212.codec.DeviceKeys;
import org.qingshan.hj212.codec.FrameScanner;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Suffix;

/** An HJ 212-2025 device with an SM4 key against the gateway, over loopback TCP. */
class Hj2122025GatewayTest {
  private static final String MN = "010000A8900016F000169DC0";
  private static final String PW = "123456";
  private static final Sm4Key KEY = Sm4Key.ofHex("00112233445566778899AABBCCDDEEFF");
  private static final DeviceKeys KEYS = DeviceKeys.of(Map.of(MN, KEY));
  private final QnGenerator qns = QnGenerator.systemDefault();
  private Hj212Gateway gateway;

  @AfterEach
  void close() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private Packet hourData(boolean resent) {
    return Packet.builder()
        .qn(qns.next())
        .st("32")
        .cn("2061")
        .pw(PW)
        .mn(MN)
        .flag(Flag.REPLY_2025)
        .resent(resent)
        .cp(
            DataArea.builder()
                .dataTime(LocalDateTime.of(2026, 1, 5, 10, 0))
                .reading(
                    "w01018",
                    Optional.of(DataFlag.N),
                    new FactorValue(Suffix.AVG, 17.5),
                    new FactorValue(Suffix.MAX, 19.25))
                .build())
        .build();
  }

  @Test
  void encryptedUploadsAreDecryptedStoredAndAnsweredInTheDevicesVersion() throws Exception {
    GatewayTest.ImmediateSink sink = new GatewayTest.ImmediateSink();
    gateway =
        Hj212Gateway.start(
            GatewayConfig.builder().host("127.0.0.1").port(0).ioThreads(1).deviceKeys(KEYS).build(),
            sink,
            (mn, pw) ->
                mn.equals(MN) && pw.equals(PW) ? AuthResult.ACCEPTED : AuthResult.UNKNOWN_DEVICE,
            new GatewayListener() {});
    try (Socket s = new Socket("127.0.0.1", gateway.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      Packet live = hourData(false);
      Packet late = hourData(true);
      byte[] one = PacketEncoder.encode(live, KEY, CipherForm.BINARY);
      byte[] two = PacketEncoder.encode(late, KEY, CipherForm.HEX_TEXT);
      // both in one write, byte for byte as a device would
      out.write(one);
      out.write(two);
      out.flush();
      ReceivedPacket first = sink.received.poll(10, TimeUnit.SECONDS);
      ReceivedPacket second = sink.received.poll(10, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(second).isNotNull();
      assertThat(first.packet().encrypted()).isTrue();
      assertThat(first.packet().cp()).isEqualTo(live.cp());
      assertThat(first.packet().resent()).isFalse();
      assertThat(second.packet().resent()).isTrue();
      assertThat(second.packet().cp().reading("w01018").orElseThrow().value(Suffix.MAX))
          .hasValue(19.25);
      FrameReader in = new FrameReader(s.getInputStream());
      Packet answer = in.next(PacketDecoder.standard());
      assertThat(answer.cn()).isEqualTo("9014");
      assertThat(answer.flag()).contains(Flag.NO_REPLY_2025);
      assertThat(answer.qn()).isEqualTo(live.qn());
      assertThat(in.next(PacketDecoder.standard()).qn()).isEqualTo(late.qn());

      // a heartbeat that asks for an answer gets 9013
      Packet beat =
          Packet.builder()
              .qn(qns.next())
              .st("32")
              .cn("9015")
              .pw(PW)
              .mn(MN)
              .flag(Flag.REPLY_2025)
              .build();
      out.write(PacketEncoder.encode(beat));
      out.flush();
      assertThat(in.next(PacketDecoder.standard()).cn()).isEqualTo("9013");

      // what the centre sends to the device is encrypted where the standard says so
      Packet request =
          Commands.to(new Commands.Device(MN, PW, "32", ProtocolVersion.HJ_212_2025), qns)
              .requestHistory(
                  Commands.HistoryKind.HOUR,
                  LocalDateTime.of(2026, 1, 5, 0, 0),
                  LocalDateTime.of(2026, 1, 5, 10, 0));
      gateway.send(MN, request).toCompletableFuture().get(10, TimeUnit.SECONDS);
      byte[] wire = in.nextBytes();
      assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("BeginTime");
      Packet received =
          new PacketDecoder(DecoderOptions.defaults().withDeviceKeys(KEYS))
              .decode(wire)
              .packet()
              .orElseThrow();
      assertThat(received.encrypted()).isTrue();
      assertThat(received.flag()).contains(Flag.REPLY_2025);
      assertThat(received.cp().value("BeginTime")).contains("20260105000000");
    }
  }

  @Test
  void theDeviceClientWithAKeyEncryptsItsUploads() throws Exception {
    GatewayTest.ImmediateSink sink = new GatewayTest.ImmediateSink();
    gateway =
        Hj212Gateway.start(
            GatewayConfig.builder().host("127.0.0.1").port(0).ioThreads(1).deviceKeys(KEYS).build(),
            sink,
            (mn, pw) ->
                mn.equals(MN) && pw.equals(PW) ? AuthResult.ACCEPTED : AuthResult.UNKNOWN_DEVICE,
            GatewayListener.NONE);
    EventLoopGroup group = new NioEventLoopGroup(1);
    try {
      Hj212Client client =
          Hj212Client.connect(
                  group,
                  "127.0.0.1",
                  gateway.port(),
                  Optional.empty(),
                  KEYS,
                  Duration.ofSeconds(5),
                  CommandResponder.SILENT,
                  c -> {})
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      Packet up = hourData(false);
      Packet answer = client.send(up).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(answer.cn()).isEqualTo("9014");
      ReceivedPacket stored = sink.received.poll(10, TimeUnit.SECONDS);
      assertThat(stored).isNotNull();
      assertThat(stored.packet().encrypted()).isTrue();
      assertThat(stored.packet().cp()).isEqualTo(up.cp());
      client.close();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
    }
  }

  private static final String SERIAL = "6970000000001ABCDEFG1234";

  private Packet hardwareSerial() {
    return Packet.builder()
        .qn(qns.next())
        .st("91")
        .cn("1001")
        .pw(PW)
        .mn("")
        .flag(Flag.REPLY_2025)
        .cp(
            DataArea.builder()
                .put("i23005-Info", SERIAL)
                .put("i23006-Info", "A800200A8C6D")
                .put("i23007-Info", "E86A643C7BBC")
                .build())
        .build();
  }

  @Test
  void aLoggerWithoutMnActivatesWhenTheRegistryAcceptsItsSerial() throws Exception {
    GatewayTest.ImmediateSink sink = new GatewayTest.ImmediateSink();
    List<String> asked = new CopyOnWriteArrayList<>();
    gateway =
        Hj212Gateway.start(
            GatewayConfig.builder().host("127.0.0.1").port(0).ioThreads(1).build(),
            sink,
            new DeviceAuthenticator() {
              @Override
              public AuthResult authenticate(String mn, String pw) {
                return AuthResult.UNKNOWN_DEVICE;
              }

              @Override
              public boolean acceptsActivation(String serial, String address) {
                asked.add(serial);
                return true;
              }
            },
            GatewayListener.NONE);
    try (Socket s = new Socket("127.0.0.1", gateway.port())) {
      s.setSoTimeout(10_000);
      Packet announce = hardwareSerial();
      s.getOutputStream().write(PacketEncoder.encode(announce));
      s.getOutputStream().flush();
      ReceivedPacket stored = sink.received.poll(10, TimeUnit.SECONDS);
      assertThat(stored).isNotNull();
      assertThat(stored.packet().cp().value("i23006-Info")).contains("A800200A8C6D");
      assertThat(asked).containsExactly(SERIAL);
      FrameReader in = new FrameReader(s.getInputStream());
      Packet answer = in.next(PacketDecoder.standard());
      assertThat(answer.cn()).isEqualTo("9013");
      assertThat(answer.qn()).isEqualTo(announce.qn());
      Packet setMn =
          Packet.builder()
              .qn(qns.next())
              .st("91")
              .cn("1002")
              .pw(PW)
              .mn(MN)
              .flag(Flag.REPLY_2025)
              .cp(DataArea.builder().put("i23005-Info", SERIAL).build())
              .build();
      gateway.sendToActivating(SERIAL, setMn).toCompletableFuture().get(10, TimeUnit.SECONDS);
      Packet got = in.next(PacketDecoder.standard());
      assertThat(got.cn()).isEqualTo("1002");
      assertThat(got.mn()).isEqualTo(MN);
    }
  }

  @Test
  void anActivationTheRegistryDoesNotAcceptIsNeitherStoredNorAnswered() throws Exception {
    GatewayTest.ImmediateSink sink = new GatewayTest.ImmediateSink();
    GatewayTest.Events events = new GatewayTest.Events();
    gateway =
        Hj212Gateway.start(
            GatewayConfig.builder().host("127.0.0.1").port(0).ioThreads(1).build(),
            sink,
            (mn, pw) -> AuthResult.ACCEPTED, // activation is refused by default all the same
            events);
    try (Socket s = new Socket("127.0.0.1", gateway.port())) {
      s.getOutputStream().write(PacketEncoder.encode(hardwareSerial()));
      s.getOutputStream().flush();
      assertThat(events.next()).isEqualTo("rejected::UNKNOWN_DEVICE");
      assertThat(sink.received).isEmpty();
      assertThat(gateway.sendToActivating(SERIAL, hourData(false)).toCompletableFuture())
          .isCompletedExceptionally();
    }
  }

  /** Frames read from a socket by the scanner, as a device would read them. */
  private static final class FrameReader {
    private final InputStream in;
    private final ByteBuf buf = Unpooled.buffer();
    private final FrameScanner scanner = new FrameScanner(9999);

    FrameReader(InputStream in) {
      this.in = in;
    }

    byte[] nextBytes() throws Exception {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      byte[] chunk = new byte[4096];
      while (System.nanoTime() < deadline) {
        Optional<byte[]> f = scanner.next(buf, false);
        if (f.isPresent()) {
          return f.get();
        }
        int n = in.read(chunk);
        if (n < 0) {
          break;
        }
        buf.writeBytes(chunk, 0, n);
      }
      throw new AssertionError("no frame from the gateway");
    }

    Packet next(PacketDecoder decoder) throws Exception {
      return decoder.decode(nextBytes()).packet().orElseThrow();
    }
  }
}
