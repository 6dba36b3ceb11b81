package org.qingshan.hj212.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
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
import org.qingshan.hj212.packet.Split;
import org.qingshan.hj212.packet.Suffix;

/** {@code hj212 replay} against a real gateway on loopback. */
class Hj212ReplayCommandTest {
  private static final String KNOWN = "88888880000001";
  private static final String OTHER = "88888880000002";
  private static final String STRANGER = "99999990000009";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConcurrentLinkedQueue<ReceivedPacket> stored = new ConcurrentLinkedQueue<>();
  private final List<Hj212Gateway> gateways = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    gateways.forEach(Hj212Gateway::close);
  }

  /** A gateway that knows two devices and stores at once. */
  private int gateway() {
    Hj212Gateway g =
        Hj212Gateway.start(
            GatewayConfig.builder().host("127.0.0.1").port(0).ioThreads(1).build(),
            p -> {
              stored.add(p);
              return CompletableFuture.completedFuture(StoreResult.STORED);
            },
            (mn, pw) ->
                (mn.equals(KNOWN) || mn.equals(OTHER)) && pw.equals("123456")
                    ? AuthResult.ACCEPTED
                    : AuthResult.UNKNOWN_DEVICE,
            GatewayListener.NONE);
    gateways.add(g);
    return g.port();
  }

  private static final AtomicInteger QNS = new AtomicInteger();

  /** An upload of {@code minute}'s DataTime with a QN of its own (as each part of a split has). */
  private static Packet upload(String mn, int minute, boolean reply, Optional<Split> split) {
    Packet.Builder b =
        Packet.builder()
            .qn(String.format("20260101%06d%03d", minute, QNS.incrementAndGet() % 1000))
            .st("31")
            .cn(CommandCode.REALTIME_DATA)
            .pw("123456")
            .mn(mn)
            .flag(Flag.of(1, split.isPresent(), reply))
            .cp(
                DataArea.builder()
                    .dataTime(LocalDateTime.of(2026, 1, 1, 0, minute))
                    .reading("a21026", Optional.of(DataFlag.N), new FactorValue(Suffix.RTD, 1.5))
                    .build());
    split.ifPresent(b::split);
    return b.build();
  }

  /** The packet's frame without its line end. */
  private static String frame(Packet p) {
    return PacketEncoder.encodeToString(p).stripTrailing();
  }

  private int replay(String input, String... args) throws IOException {
    return Hj212ReplayCommand.run(
        List.of(args),
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private List<String> storedFrames() {
    return stored.stream()
        .flatMap(r -> r.parts().stream())
        .map(p -> new String(p.rawBytes(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void eachDevicesPacketsArriveAsTheyWereReceivedAndAreAnswered() throws IOException {
    int port = gateway();
    List<String> frames =
        List.of(
            frame(upload(KNOWN, 1, true, Optional.empty())),
            frame(upload(OTHER, 1, true, Optional.empty())),
            frame(upload(KNOWN, 2, false, Optional.empty())),
            frame(upload(KNOWN, 3, true, Optional.empty())));
    // A device that sends its CRC in lower case: the bytes go as they are, not re-encoded.
    String lower = frames.get(3).substring(0, frames.get(3).length() - 4);
    lower = lower + frames.get(3).substring(lower.length()).toLowerCase();
    String input = frames.get(0) + "\r\n" + frames.get(1) + "\n" + frames.get(2) + lower + "\r\n";

    int exit = replay(input, "--port", String.valueOf(port), "--timeout", "5");

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(n -> n.get("result").asText())
        .containsExactly("answered", "answered", "sent", "answered");
    assertThat(lines)
        .extracting(n -> n.get("mn").asText())
        .containsExactly(KNOWN, OTHER, KNOWN, KNOWN);
    assertThat(lines.get(3).get("dataTime").asText()).isEqualTo("2026-01-01T00:03:00");
    assertThat(storedFrames())
        .containsExactlyInAnyOrder(frames.get(0), frames.get(1), frames.get(2), lower);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("4 packets, 3 answered, 1 sent (no answer asked), 0 without answer");
  }

  @Test
  void aSplitPacketsPartsAreAnsweredOnceAssembledEvenWithOtherPacketsBetweenThem()
      throws IOException {
    int port = gateway();
    String input =
        frame(upload(KNOWN, 5, true, Optional.of(new Split(2, 2))))
            + "\r\n"
            + frame(upload(KNOWN, 6, true, Optional.empty()))
            + "\r\n"
            + frame(upload(KNOWN, 5, true, Optional.of(new Split(2, 1))))
            + "\r\n";

    int exit = replay(input, "--port", String.valueOf(port), "--timeout", "30");

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(lines())
        .extracting(n -> n.get("result").asText())
        .containsExactly("answered", "answered", "answered");
    assertThat(stored).hasSize(2);
    assertThat(stored).anySatisfy(r -> assertThat(r.parts()).hasSize(2));
  }

  @Test
  void aPartWhoseOtherPartsAreMissingIsSentAndSaidIncompleteWithoutHoldingUpTheRest()
      throws IOException {
    int port = gateway();
    String input =
        frame(upload(KNOWN, 5, true, Optional.of(new Split(3, 1))))
            + "\r\n"
            + frame(upload(KNOWN, 6, true, Optional.empty()))
            + "\r\n";

    int exit = replay(input, "--port", String.valueOf(port), "--timeout", "30");

    assertThat(exit).isEqualTo(1);
    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(n -> n.get("result").asText())
        .containsExactly("incomplete", "answered");
    assertThat(lines.get(0).get("reason").asText()).contains("other parts");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 incomplete split parts");
  }

  @Test
  void aCentreThatClosesTheConnectionIsSaid() throws Exception {
    try (ServerSocket centre = new ServerSocket(0)) {
      Thread t =
          new Thread(
              () -> {
                try (Socket s = centre.accept()) {
                  s.getInputStream().read(new byte[16]);
                } catch (IOException ignored) {
                  // the test reads what the replay says
                }
              });
      t.start();
      StringBuilder input = new StringBuilder();
      for (int minute = 1; minute <= 3; minute++) {
        input.append(frame(upload(KNOWN, minute, true, Optional.empty()))).append("\r\n");
      }
      int exit = replay(input.toString(), "--port", String.valueOf(centre.getLocalPort()));
      t.join();

      assertThat(exit).isEqualTo(1);
      assertThat(lines())
          .extracting(n -> n.get("result").asText())
          .containsExactly("no-answer", "not-sent", "not-sent");
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains(KNOWN + ": the centre closed the connection after 1 of 3 packets");
    }
  }

  @Test
  void anEmptyInputIsAnError() throws IOException {
    assertThat(replay("\r\n", "-")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: no packets in standard input");
  }

  @Test
  void invalidPacketsAreNotSentAndSayWhy() throws IOException {
    int port = gateway();
    String good = frame(upload(KNOWN, 7, true, Optional.empty()));
    String badCrc = good.substring(0, good.length() - 4) + "0000";
    if (badCrc.equals(good)) {
      badCrc = good.substring(0, good.length() - 4) + "FFFF";
    }
    int exit = replay(badCrc + "\r\njunk\r\n" + good + "\r\n", "--port", String.valueOf(port));

    assertThat(exit).isEqualTo(1);
    List<JsonNode> lines = lines();
    assertThat(lines)
        .extracting(n -> n.get("result").asText())
        .containsExactly("invalid", "invalid", "answered");
    assertThat(lines.get(0).get("reason").asText()).isEqualTo("crc");
    assertThat(lines.get(0).get("mn").asText()).isEqualTo(KNOWN);
    assertThat(lines.get(1).get("reason").asText()).isEqualTo("frame");
    assertThat(storedFrames()).containsExactly(good);
  }

  @Test
  void aDeviceTheCentreDoesNotAnswerStopsAfterThreeMissedAnswers() throws IOException {
    int port = gateway();
    StringBuilder input = new StringBuilder();
    for (int minute = 1; minute <= 5; minute++) {
      input.append(frame(upload(STRANGER, minute, true, Optional.empty()))).append("\r\n");
    }
    input.append(frame(upload(KNOWN, 9, true, Optional.empty()))).append("\r\n");

    int exit = replay(input.toString(), "--port", String.valueOf(port), "--timeout", "1");

    assertThat(exit).isEqualTo(1);
    assertThat(lines())
        .extracting(n -> n.get("result").asText())
        .containsExactly("no-answer", "no-answer", "no-answer", "not-sent", "not-sent", "answered");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(STRANGER + ": no answer within 1 s to 3 packets in a row")
        .contains("3 without answer, 0 incomplete split parts, 2 not sent");
  }

  @Test
  void aCentreThatCannotBeReachedIsSaidInOneLine() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    int exit =
        replay(
            frame(upload(KNOWN, 1, true, Optional.empty())) + "\r\n",
            "--port",
            String.valueOf(closedPort));

    assertThat(exit).isEqualTo(1);
    assertThat(lines()).extracting(n -> n.get("result").asText()).containsExactly("not-sent");
    String said = err.toString(StandardCharsets.UTF_8);
    assertThat(said).contains(KNOWN + ": cannot connect to 127.0.0.1:" + closedPort);
    assertThat(said).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void aFileNamedOnTheCommandLineIsRead(@TempDir Path dir) throws IOException {
    int port = gateway();
    Path file = dir.resolve("raw.txt");
    String frame = frame(upload(KNOWN, 11, true, Optional.empty()));
    Files.writeString(file, frame + "\r\n");

    assertThat(replay("", "--port", String.valueOf(port), file.toString())).isZero();
    assertThat(storedFrames()).containsExactly(frame);

    assertThat(replay("", dir.resolve("missing.txt").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: cannot read");
  }

  @Test
  void usageErrors() throws IOException {
    assertThat(replay("", "--port", "0")).isEqualTo(2);
    assertThat(replay("", "--timeout", "x")).isEqualTo(2);
    assertThat(replay("", "--crc", "sometimes")).isEqualTo(2);
    assertThat(replay("", "a.txt", "b.txt")).isEqualTo(2);
    assertThat(replay("", "--verbose")).isEqualTo(2);
    assertThat(replay("", "--host", "--port", "9212")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: qingshan hj212 replay");
  }
}
