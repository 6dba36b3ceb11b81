package org.qingshan.hj212.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.client.CommandResponder;
import org.qingshan.hj212.client.Hj212Client;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.ExeReturn;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.command.QnReturn;
import org.qingshan.hj212.packet.DataArea;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorValue;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Split;
import org.qingshan.hj212.packet.Suffix;

/** The gateway and the client over real loopback TCP. */
class GatewayTest {
  private static final String MN = "88888880000001";
  private static final String PW = "123456";
  private final EventLoopGroup clients = new NioEventLoopGroup(1);
  private final QnGenerator qns = QnGenerator.systemDefault();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** A store whose completions the test controls. */
  static final class HeldSink implements PacketSink {
    final BlockingQueue<ReceivedPacket> received = new LinkedBlockingQueue<>();
    final BlockingQueue<CompletableFuture<StoreResult>> held = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<StoreResult> store(ReceivedPacket packet) {
      CompletableFuture<StoreResult> f = new CompletableFuture<>();
      held.add(f);
      received.add(packet);
      return f;
    }

    ReceivedPacket next() throws InterruptedException {
      ReceivedPacket p = received.poll(10, TimeUnit.SECONDS);
      assertThat(p).as("packet reached the store").isNotNull();
      return p;
    }

    CompletableFuture<StoreResult> nextHeld() throws InterruptedException {
      return held.poll(10, TimeUnit.SECONDS);
    }
  }

  /** Stores at once. */
  static final class ImmediateSink implements PacketSink {
    final BlockingQueue<ReceivedPacket> received = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<StoreResult> store(ReceivedPacket packet) {
      received.add(packet);
      return CompletableFuture.completedFuture(StoreResult.STORED);
    }
  }

  static final class Events implements GatewayListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void invalid(long connectionId, String remoteAddress, DecodeError error) {
      events.add("invalid:" + error.kind().code());
    }

    @Override
    public void rejected(String remoteAddress, Packet packet, AuthResult result) {
      events.add("rejected:" + packet.mn() + ":" + result);
    }

    @Override
    public void refused(String remoteAddress) {
      events.add("refused");
    }

    @Override
    public void idleClosed(long connectionId, String remoteAddress) {
      events.add("idle");
    }

    String next() throws InterruptedException {
      return events.poll(10, TimeUnit.SECONDS);
    }
  }

  private static final DeviceAuthenticator REGISTRY =
      (mn, pw) ->
          !mn.equals(MN)
              ? AuthResult.UNKNOWN_DEVICE
              : pw.equals(PW) ? AuthResult.ACCEPTED : AuthResult.WRONG_PASSWORD;

  private Hj212Gateway gateway(GatewayConfig.Builder config, PacketSink sink, GatewayListener l) {
    Hj212Gateway g =
        Hj212Gateway.start(
            config.host("127.0.0.1").port(0).ioThreads(1).build(), sink, REGISTRY, l);
    toClose.add(g);
    return g;
  }

  private Hj212Client client(Hj212Gateway g, CommandResponder responder, CountDownLatch closed)
      throws Exception {
    Hj212Client c =
        Hj212Client.connect(
                clients,
                "127.0.0.1",
                g.port(),
                Duration.ofSeconds(5),
                responder,
                x -> closed.countDown())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    toClose.add(c);
    return c;
  }

  private Hj212Client client(Hj212Gateway g) throws Exception {
    return client(g, CommandResponder.SILENT, new CountDownLatch(1));
  }

  private Packet upload(String mn, String pw, boolean reply) {
    return Packet.builder()
        .qn(qns.next())
        .st("31")
        .cn(CommandCode.REALTIME_DATA)
        .pw(pw)
        .mn(mn)
        .flag(Flag.of(1, false, reply))
        .cp(
            DataArea.builder()
                .dataTime(LocalDateTime.of(2024, 1, 1, 0, 0))
                .reading("a21026", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 12.5))
                .build())
        .build();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).await();
  }

  @Test
  void answerIsSentOnlyAfterTheStoreConfirms() throws Exception {
    HeldSink sink = new HeldSink();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, GatewayListener.NONE);
    Hj212Client c = client(g);
    Packet up = upload(MN, PW, true);
    CompletableFuture<Packet> answer = c.send(up).toCompletableFuture();
    ReceivedPacket got = sink.next();
    assertThat(got.packet().cp().reading("a21026").orElseThrow().value(Suffix.RTD)).hasValue(12.5);
    assertThat(got.parts().get(0).rawText().orElseThrow()).startsWith("##");
    assertThat(answer).isNotDone();
    sink.nextHeld().complete(StoreResult.STORED);
    Packet ack = answer.get(10, TimeUnit.SECONDS);
    assertThat(ack.cn()).isEqualTo("9014");
    assertThat(ack.qn()).isEqualTo(up.qn());
    assertThat(g.isOnline(MN)).isTrue();
  }

  @Test
  void duplicatesAreAcknowledgedAndFailuresAreNot() throws Exception {
    HeldSink sink = new HeldSink();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, GatewayListener.NONE);
    Hj212Client c = client(g);
    CompletableFuture<Packet> dup = c.send(upload(MN, PW, true)).toCompletableFuture();
    sink.next();
    sink.nextHeld().complete(StoreResult.DUPLICATE);
    assertThat(dup.get(10, TimeUnit.SECONDS).cn()).isEqualTo("9014");
    CompletableFuture<Packet> failed = c.send(upload(MN, PW, true)).toCompletableFuture();
    sink.next();
    sink.nextHeld().complete(StoreResult.FAILED);
    CompletableFuture<Packet> after = c.send(upload(MN, PW, true)).toCompletableFuture();
    sink.next();
    sink.nextHeld().completeExceptionally(new RuntimeException("disk full"));
    CompletableFuture<Packet> ok = c.send(upload(MN, PW, true)).toCompletableFuture();
    sink.next();
    sink.nextHeld().complete(StoreResult.STORED);
    ok.get(10, TimeUnit.SECONDS);
    // answers are written in completion order: had the failures been answered, they would be done
    assertThat(failed).isNotDone();
    assertThat(after).isNotDone();
    assertThat(g.stats().storeFailures()).isEqualTo(2);
    assertThat(g.stats().duplicates()).isEqualTo(1);
  }

  @Test
  void noAnswerWithoutFlagA() throws Exception {
    ImmediateSink sink = new ImmediateSink();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, GatewayListener.NONE);
    Hj212Client c = client(g);
    c.send(upload(MN, PW, false)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(sink.received.poll(10, TimeUnit.SECONDS)).isNotNull();
    assertThat(g.stats().answers()).isZero();
  }

  @Test
  void unknownDevicesAndWrongPasswordsAreNotStored() throws Exception {
    ImmediateSink sink = new ImmediateSink();
    Events events = new Events();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, events);
    Hj212Client c = client(g);
    c.send(upload("UNKNOWN1", PW, false));
    assertThat(events.next()).isEqualTo("rejected:UNKNOWN1:UNKNOWN_DEVICE");
    c.send(upload(MN, "999999", false));
    assertThat(events.next()).isEqualTo("rejected:" + MN + ":WRONG_PASSWORD");
    c.send(upload(MN, PW, true)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(sink.received).hasSize(1);
    assertThat(g.stats().rejected()).isEqualTo(2);
  }

  @Test
  void garbageIsReportedAndTheConnectionKeepsWorking() throws Exception {
    ImmediateSink sink = new ImmediateSink();
    Events events = new Events();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, events);
    try (Socket s = new Socket("127.0.0.1", g.port())) {
      OutputStream out = s.getOutputStream();
      Packet up = upload(MN, PW, true);
      String good = PacketEncoder.encodeToString(up);
      String bad = good.replace("12.5", "13.5");
      out.write(("hello\r\n" + bad + good).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(events.next()).isEqualTo("invalid:frame");
      assertThat(events.next()).isEqualTo("invalid:crc");
      assertThat(sink.received.poll(10, TimeUnit.SECONDS)).isNotNull();
      byte[] buf = new byte[200];
      int n = s.getInputStream().read(buf);
      assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII))
          .contains("CN=9014")
          .contains("QN=" + up.qn().orElseThrow());
    }
  }

  @Test
  void connectionsOverTheMaximumAreRefused() throws Exception {
    Events events = new Events();
    Hj212Gateway g =
        gateway(GatewayConfig.builder().maxConnections(1), new ImmediateSink(), events);
    client(g);
    CountDownLatch closed = new CountDownLatch(1);
    client(g, CommandResponder.SILENT, closed);
    assertThat(events.next()).isEqualTo("refused");
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(g.stats().refused()).isEqualTo(1);
  }

  @Test
  void idleConnectionsAreClosed() throws Exception {
    Events events = new Events();
    Hj212Gateway g =
        gateway(
            GatewayConfig.builder().idleTimeout(Duration.ofMillis(200)),
            new ImmediateSink(),
            events);
    CountDownLatch closed = new CountDownLatch(1);
    client(g, CommandResponder.SILENT, closed);
    assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(events.next()).isEqualTo("idle");
  }

  @Test
  void slowStorePausesReadingAndLosesNothing() throws Exception {
    HeldSink sink = new HeldSink();
    Hj212Gateway g =
        gateway(GatewayConfig.builder().maxPending(2, 100), sink, GatewayListener.NONE);
    Hj212Client c = client(g);
    List<CompletableFuture<Packet>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(c.send(upload(MN, PW, true)).toCompletableFuture());
    }
    for (int i = 0; i < 20; i++) {
      sink.next();
      sink.nextHeld().complete(StoreResult.STORED);
    }
    for (CompletableFuture<Packet> a : answers) {
      assertThat(a.get(10, TimeUnit.SECONDS).cn()).isEqualTo("9014");
    }
    assertThat(g.stats().backpressurePauses()).isPositive();
    assertThat(g.stats().pending()).isZero();
  }

  @Test
  void overTheRateReadingPausesButEverythingArrives() throws Exception {
    ImmediateSink sink = new ImmediateSink();
    Hj212Gateway g =
        gateway(GatewayConfig.builder().connectionRate(20, 1), sink, GatewayListener.NONE);
    Hj212Client c = client(g);
    List<CompletableFuture<Packet>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(c.send(upload(MN, PW, true)).toCompletableFuture());
    }
    for (CompletableFuture<Packet> a : answers) {
      a.get(10, TimeUnit.SECONDS);
    }
    assertThat(g.stats().rateLimited()).isPositive();
  }

  @Test
  void splitUploadIsStoredOnceAndEveryPartAnswered() throws Exception {
    ImmediateSink sink = new ImmediateSink();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, GatewayListener.NONE);
    Hj212Client c = client(g);
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 8, 0);
    List<CompletableFuture<Packet>> answers = new ArrayList<>();
    for (int part = 1; part <= 2; part++) {
      Packet p =
          Packet.builder()
              .qn(qns.next())
              .st("32")
              .cn("2061")
              .pw(PW)
              .mn(MN)
              .flag(Flag.of(1, true, true))
              .split(new Split(2, part))
              .cp(
                  DataArea.builder()
                      .dataTime(t)
                      .reading(
                          "w0101" + part,
                          Optional.of(DataFlag.N),
                          new FactorValue(Suffix.AVG, part))
                      .build())
              .build();
      answers.add(c.send(p).toCompletableFuture());
    }
    for (CompletableFuture<Packet> a : answers) {
      assertThat(a.get(10, TimeUnit.SECONDS).cn()).isEqualTo("9014");
    }
    ReceivedPacket stored = sink.received.poll(10, TimeUnit.SECONDS);
    assertThat(stored.parts()).hasSize(2);
    assertThat(stored.packet().cp().readings()).hasSize(2);
    assertThat(sink.received).isEmpty();
  }

  @Test
  void commandsReachTheDeviceAndItsAnswersReachTheStore() throws Exception {
    ImmediateSink sink = new ImmediateSink();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, GatewayListener.NONE);
    CommandResponder device =
        command ->
            List.of(
                Commands.requestAnswer(command, QnReturn.READY),
                Commands.executionResult(command, ExeReturn.SUCCESS));
    Hj212Client c = client(g, device, new CountDownLatch(1));
    c.send(upload(MN, PW, true)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    sink.received.take();
    Packet command =
        Commands.to(new Commands.Device(MN, PW, "31", ProtocolVersion.HJ_212_2017), qns)
            .setRealtimeInterval(60);
    g.send(MN, command).toCompletableFuture().get(10, TimeUnit.SECONDS);
    ReceivedPacket a1 = sink.received.poll(10, TimeUnit.SECONDS);
    ReceivedPacket a2 = sink.received.poll(10, TimeUnit.SECONDS);
    assertThat(a1.packet().cn()).isEqualTo("9011");
    assertThat(a2.packet().cn()).isEqualTo("9012");
    assertThat(a2.packet().answeredQn()).isEqualTo(command.qn());
    assertThatThrownBy(() -> g.send("OFFLINE", command).toCompletableFuture().get())
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  void unansweredUploadTimesOutOnTheClient() throws Exception {
    HeldSink sink = new HeldSink();
    Hj212Gateway g = gateway(GatewayConfig.builder(), sink, GatewayListener.NONE);
    Hj212Client c =
        Hj212Client.connect(
                clients,
                "127.0.0.1",
                g.port(),
                Duration.ofMillis(300),
                CommandResponder.SILENT,
                x -> {})
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    toClose.add(c);
    CompletableFuture<Packet> answer = c.send(upload(MN, PW, true)).toCompletableFuture();
    assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(TimeoutException.class);
  }
}
