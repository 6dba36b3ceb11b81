package org.qingshan.hj212.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Suffix;

/**
 * Attacks on the gateway over real loopback TCP: password guessing, a second connection of an MN,
 * junk, slow senders, many connections from one address. Attackers connect from 127.0.0.2 or
 * 127.0.0.3 (Linux routes all of 127/8 to loopback), the real device from 127.0.0.1.
 */
class GatewayAttackTest {
  private static final String MN = "88888880000001";
  private static final String PW = "123456";
  private static final DeviceAuthenticator REGISTRY =
      (mn, pw) ->
          !mn.equals(MN)
              ? AuthResult.UNKNOWN_DEVICE
              : pw.equals(PW) ? AuthResult.ACCEPTED : AuthResult.WRONG_PASSWORD;

  private final EventLoopGroup clients = new NioEventLoopGroup(1);
  private final QnGenerator qns = QnGenerator.systemDefault();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Events events = new Events();

  static final class ImmediateSink implements PacketSink {
    final BlockingQueue<ReceivedPacket> received = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<StoreResult> store(ReceivedPacket packet) {
      received.add(packet);
      return CompletableFuture.completedFuture(StoreResult.STORED);
    }
  }

  static final class Events implements GatewayListener {
    final BlockingQueue<SecurityEvent> security = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> junkClosed = new LinkedBlockingQueue<>();
    final BlockingQueue<String> refused = new LinkedBlockingQueue<>();
    final BlockingQueue<String> idle = new LinkedBlockingQueue<>();
    final BlockingQueue<DecodeError> invalid = new LinkedBlockingQueue<>();

    @Override
    public void securityEvent(SecurityEvent event) {
      security.add(event);
    }

    @Override
    public void junkClosed(long connectionId, String remoteAddress, int invalidFrames) {
      junkClosed.add(invalidFrames);
    }

    @Override
    public void refusedForAddress(String remoteAddress) {
      refused.add(remoteAddress);
    }

    @Override
    public void idleClosed(long connectionId, String remoteAddress) {
      idle.add(remoteAddress);
    }

    @Override
    public void invalid(long connectionId, String remoteAddress, DecodeError error) {
      invalid.add(error);
    }
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
  }

  private Hj212Gateway gateway(GatewayConfig.Builder config) {
    Hj212Gateway g =
        Hj212Gateway.start(
            config.host("127.0.0.1").port(0).ioThreads(1).build(),
            new ImmediateSink(),
            REGISTRY,
            events);
    toClose.add(g);
    return g;
  }

  private Hj212Client device(Hj212Gateway g, CommandResponder responder) throws Exception {
    Hj212Client c =
        Hj212Client.connect(
                clients, "127.0.0.1", g.port(), Duration.ofSeconds(5), responder, x -> {})
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    toClose.add(c);
    return c;
  }

  private Packet upload(String pw) {
    return Packet.builder()
        .qn(qns.next())
        .st("31")
        .cn(CommandCode.REALTIME_DATA)
        .pw(pw)
        .mn(MN)
        .flag(Flag.of(1, false, true))
        .cp(
            DataArea.builder()
                .dataTime(LocalDateTime.of(2024, 1, 1, 0, 0))
                .reading("a21026", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 12.5))
                .build())
        .build();
  }

  private Packet command() {
    return Commands.to(new Commands.Device(MN, PW, "31", ProtocolVersion.HJ_212_2017), qns)
        .setRealtimeInterval(60);
  }

  private static byte[] bytes(Packet p) {
    return PacketEncoder.encodeToString(p).getBytes(StandardCharsets.US_ASCII);
  }

  /** A socket from another loopback address, as an attacker elsewhere. */
  private static Socket from(String localAddress, Hj212Gateway g) throws IOException {
    Socket s =
        new Socket(
            InetAddress.getByName("127.0.0.1"), g.port(), InetAddress.getByName(localAddress), 0);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Whether the server answered with a 9014 before closing or the read timing out. */
  private static boolean answered(Socket s) throws IOException {
    byte[] buf = new byte[512];
    try {
      int n = s.getInputStream().read(buf);
      return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).contains("CN=9014");
    } catch (SocketException reset) {
      return false;
    }
  }

  /** Reads until the server closes the connection; fails the test after 10 s. */
  private static void awaitClosedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    try {
      while (in.read(buf) >= 0) {
        // drain answers
      }
    } catch (SocketException reset) {
      // closed with unread bytes: a reset
    }
  }

  @Test
  void guessedPasswordsLockTheMnButNotTheRealDevice() throws Exception {
    Hj212Gateway g =
        gateway(
            GatewayConfig.builder()
                .loginLock(5, 1000, Duration.ofMinutes(10), Duration.ofMinutes(10))
                .loginFailureDelay(Duration.ZERO));
    CountDownLatch command = new CountDownLatch(1);
    Hj212Client real =
        device(
            g,
            c -> {
              command.countDown();
              return List.of();
            });
    real.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS);

    // 200 guesses over 20 connections from elsewhere, the right password last
    int guesses = 0;
    boolean guessedRight = false;
    for (int conn = 0; conn < 20 && !guessedRight; conn++) {
      try (Socket s = from("127.0.0.2", g)) {
        OutputStream out = s.getOutputStream();
        try {
          for (int i = 0; i < 10; i++) {
            guesses++;
            out.write(bytes(upload(String.format("%06d", guesses))));
          }
          out.write(bytes(upload(PW)));
          out.flush();
          guessedRight = answered(s);
        } catch (SocketException closed) {
          // the gateway closed the connection of a locked login
        }
      }
    }

    assertThat(guessedRight).as("the right password, once locked, lets no one in").isFalse();
    assertThat(g.stats().rejected()).as("passwords checked").isEqualTo(5);
    SecurityEvent locked = events.security.poll(10, TimeUnit.SECONDS);
    assertThat(locked.kind()).isEqualTo(SecurityEvent.Kind.DEVICE_LOCKED);
    assertThat(locked.mn()).contains(MN);
    assertThat(locked.remoteAddress()).isEqualTo("127.0.0.2");
    assertThat(events.security).isEmpty();
    assertThat(g.stats().lockedOut()).isPositive();

    // the real device keeps its connection and its commands
    assertThat(real.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS).cn())
        .isEqualTo("9014");
    g.send(MN, command()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(command.await(10, TimeUnit.SECONDS)).isTrue();
    // and reconnecting from its address gets through at once, lock or not
    real.close();
    Hj212Client again = device(g, CommandResponder.SILENT);
    assertThat(again.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS).cn())
        .isEqualTo("9014");
  }

  @Test
  void failedLoginsLockTheAddressButNotADeviceLoggedInThere() throws Exception {
    Hj212Gateway g =
        gateway(
            GatewayConfig.builder()
                .loginLock(1000, 10, Duration.ofMinutes(10), Duration.ofMinutes(10))
                .loginFailureDelay(Duration.ZERO));
    try (Socket device = from("127.0.0.3", g);
        Socket attacker = from("127.0.0.3", g)) {
      device.getOutputStream().write(bytes(upload(PW)));
      assertThat(answered(device)).isTrue();
      OutputStream out = attacker.getOutputStream();
      for (int i = 0; i < 10; i++) {
        Packet unknown = upload(PW).toBuilder().mn("UNKNOWN" + i).build();
        out.write(bytes(unknown));
      }
      out.flush();
      SecurityEvent locked = events.security.poll(10, TimeUnit.SECONDS);
      assertThat(locked.kind()).isEqualTo(SecurityEvent.Kind.ADDRESS_LOCKED);
      assertThat(locked.remoteAddress()).isEqualTo("127.0.0.3");
      assertThat(locked.mn()).isEmpty();
      out.write(bytes(upload(PW).toBuilder().mn("UNKNOWN-LAST").build()));
      awaitClosedByServer(attacker);
      // a packet of another MN on the device's own connection is dropped, not its session
      device.getOutputStream().write(bytes(upload(PW).toBuilder().mn("UNKNOWN-ON-DEVICE").build()));
      device.getOutputStream().write(bytes(upload(PW)));
      assertThat(answered(device)).as("a device logged in keeps its session").isTrue();
    }
    try (Socket elsewhere = from("127.0.0.4", g)) {
      elsewhere.getOutputStream().write(bytes(upload(PW)));
      assertThat(answered(elsewhere)).as("other addresses are not locked").isTrue();
    }
  }

  @Test
  void aSecondConnectionOfAnMnKeepsTheFirstAndIsFlagged() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder());
    BlockingQueue<String> commandsAt = new LinkedBlockingQueue<>();
    Hj212Client first =
        device(
            g,
            c -> {
              commandsAt.add("first");
              return List.of();
            });
    first.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    Hj212Client second =
        device(
            g,
            c -> {
              commandsAt.add("second");
              return List.of();
            });
    second.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS);

    SecurityEvent flagged = events.security.poll(10, TimeUnit.SECONDS);
    assertThat(flagged.kind()).isEqualTo(SecurityEvent.Kind.SECOND_CONNECTION);
    assertThat(flagged.mn()).contains(MN);
    assertThat(flagged.otherAddress()).isPresent();
    assertThat(g.stats().secondConnections()).isEqualTo(1);
    // the first connection is still open and served
    assertThat(first.isConnected()).isTrue();
    assertThat(first.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS).cn())
        .isEqualTo("9014");
    assertThat(events.security).as("flagged once per second connection").isEmpty();
    // commands go to the newest
    g.send(MN, command()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(commandsAt.poll(10, TimeUnit.SECONDS)).isEqualTo("second");
    // once it is gone, to the one still open, from its next packet on
    second.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> !second.isConnected());
    first.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    g.send(MN, command()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(commandsAt.poll(10, TimeUnit.SECONDS)).isEqualTo("first");
  }

  @Test
  void aFloodOfJunkClosesTheConnection() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder().junkLimit(64, Duration.ofMinutes(10)));
    byte[] junk = "##9999".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    int sent = 0;
    try (Socket s = from("127.0.0.2", g)) {
      OutputStream out = s.getOutputStream();
      try {
        // up to 60 MB; the gateway closes after 64 invalid frames (about 10 kB held, then 384 B)
        while (sent < 1000) {
          out.write(junk);
          sent++;
        }
      } catch (SocketException closed) {
        // broken pipe or reset: closed by the gateway
      }
    }
    assertThat(sent).isLessThan(1000);
    assertThat(events.junkClosed.poll(10, TimeUnit.SECONDS)).isEqualTo(64);
    assertThat(g.stats().invalid()).isEqualTo(64);
  }

  @Test
  void randomBytesCloseTheConnectionAndOthersKeepWorking() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder());
    Hj212Client real = device(g, CommandResponder.SILENT);
    byte[] junk = new byte[64 * 1024];
    new Random(42).nextBytes(junk);
    int sent = 0;
    try (Socket s = from("127.0.0.2", g)) {
      try {
        while (sent < 1000) {
          s.getOutputStream().write(junk);
          sent++;
        }
      } catch (SocketException closed) {
        // closed by the gateway
      }
    }
    assertThat(sent).isLessThan(1000);
    assertThat(events.junkClosed.poll(10, TimeUnit.SECONDS)).isEqualTo(64);
    assertThat(real.send(upload(PW)).toCompletableFuture().get(10, TimeUnit.SECONDS).cn())
        .isEqualTo("9014");
  }

  @Test
  void junkSentSlowlyIsClosedAfterTheJunkTimeout() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder().junkLimit(1_000_000, Duration.ofMillis(300)));
    try (Socket s = from("127.0.0.2", g)) {
      OutputStream out = s.getOutputStream();
      try {
        for (int i = 0; i < 1000; i++) {
          out.write("junk\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(20);
        }
      } catch (SocketException closed) {
        // closed by the gateway
      }
      assertThat(events.junkClosed.poll(10, TimeUnit.SECONDS)).isPositive().isLessThan(1000);
    }
  }

  @Test
  void aFrameTrickledByteByByteIsClosedAtTheFrameTimeout() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder().frameTimeout(Duration.ofMillis(300)));
    byte[] packet = bytes(upload(PW));
    try (Socket s = from("127.0.0.2", g)) {
      OutputStream out = s.getOutputStream();
      try {
        for (int i = 0; i < packet.length; i++) {
          out.write(packet[i]);
          out.flush();
          Thread.sleep(20);
        }
      } catch (SocketException closed) {
        // closed by the gateway
      }
      assertThat(events.junkClosed.poll(10, TimeUnit.SECONDS)).isZero();
      awaitClosedByServer(s);
    }
    assertThat(g.stats().packets()).as("the trickled packet never completed").isZero();
  }

  @Test
  void lineEndsAloneDoNotKeepAConnectionOpen() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder().idleTimeout(Duration.ofMillis(300)));
    try (Socket s = from("127.0.0.2", g)) {
      OutputStream out = s.getOutputStream();
      try {
        for (int i = 0; i < 1000 && events.idle.isEmpty(); i++) {
          out.write('\n');
          out.flush();
          Thread.sleep(20);
        }
      } catch (SocketException closed) {
        // closed by the gateway
      }
      assertThat(events.idle.poll(10, TimeUnit.SECONDS)).isNotNull();
      awaitClosedByServer(s);
    }
  }

  @Test
  void connectionsFromOneAddressAreLimited() throws Exception {
    Hj212Gateway g = gateway(GatewayConfig.builder().maxConnectionsPerAddress(3));
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(from("127.0.0.2", g));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> g.stats().connections() == 3);
      try (Socket over = from("127.0.0.2", g)) {
        awaitClosedByServer(over);
      }
      assertThat(events.refused.poll(10, TimeUnit.SECONDS)).startsWith("127.0.0.2:");
      try (Socket other = from("127.0.0.3", g)) {
        other.getOutputStream().write(bytes(upload(PW)));
        assertThat(answered(other)).isTrue();
      }
      open.remove(0).close();
      await().atMost(Duration.ofSeconds(10)).until(() -> g.stats().connections() == 2);
      try (Socket again = from("127.0.0.2", g)) {
        again.getOutputStream().write(bytes(upload(PW)));
        assertThat(answered(again)).as("a closed connection frees its place").isTrue();
      }
    } finally {
      for (Socket s : open) {
        s.close();
      }
    }
  }
}
