package org.qingshan.hj212.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.ErrorKind;
import org.qingshan.hj212.codec.PacketDecoder;

class Hj212FrameDecoderTest {
  static final String A =
      "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";
  static final String B =
      "##0087QN=20160801085857534;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&5B40";
  static final String C =
      "##0073ST=32;CN=8013;PW=123456;MN=ZG130182201205;Flag=0;CP=&&HeartbeatTime=120&&0500";

  private static List<DecodeResult> feed(boolean close, String... chunks) {
    EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder(PacketDecoder.standard()));
    for (String c : chunks) {
      ch.writeInbound(Unpooled.copiedBuffer(c, StandardCharsets.UTF_8));
    }
    if (close) {
      ch.finish();
    }
    List<DecodeResult> out = new ArrayList<>();
    Object o;
    while ((o = ch.readInbound()) != null) {
      out.add((DecodeResult) o);
    }
    return out;
  }

  private static List<String> cns(List<DecodeResult> results) {
    return results.stream()
        .map(
            r ->
                r.isValid() ? r.packet().orElseThrow().cn() : r.error().orElseThrow().kind().name())
        .toList();
  }

  @Test
  void packetsSeparatedByCrLfLfOrNothing() {
    assertThat(cns(feed(false, A + "\r\n" + B + "\n" + C + A + "\r\n")))
        .containsExactly("1062", "9014", "8013", "1062");
  }

  @Test
  void lastPacketWithoutLineEndIsDeliveredAtOnce() {
    // a device that sends no CR LF and waits for the reply must not wait forever
    assertThat(cns(feed(false, C))).containsExactly("8013");
  }

  @Test
  void byteByByteArrivalGivesTheSamePackets() {
    String stream = A + "\r\n" + B + "\r\n" + C + "\r\n";
    String[] chunks = stream.split("");
    assertThat(cns(feed(false, chunks))).containsExactly("1062", "9014", "8013");
  }

  @Test
  void junkBeforeBetweenAndAfterIsReportedAndSkipped() {
    List<DecodeResult> r =
        feed(true, "garbage\r\n" + A + "\r\n##test\0\r\n#" + B + "xx\r\n", C, "tail");
    assertThat(cns(r))
        .containsExactly("FRAME", "1062", "FRAME", "FRAME", "9014", "FRAME", "8013", "FRAME");
  }

  @Test
  void truncatedPacketIsALengthErrorAndTheNextOneIsFound() {
    String truncated = A.substring(0, 60) + A.substring(80);
    assertThat(cns(feed(false, truncated + "\r\n" + B + "\r\n"))).containsExactly("LENGTH", "9014");
    // without a line end, the next "##" resynchronises
    assertThat(cns(feed(false, truncated + B + "\r\n"))).containsExactly("LENGTH", "9014");
  }

  @Test
  void corruptedPacketIsACrcError() {
    String bad = A.replace("RtdInterval=30", "RtdInterval=31");
    List<DecodeResult> r = feed(false, bad + "\r\n" + B + "\r\n");
    assertThat(r.get(0).error().orElseThrow().kind()).isEqualTo(ErrorKind.CRC);
    assertThat(r.get(0).error().orElseThrow().text()).isEqualTo(bad);
    assertThat(r.get(1).isValid()).isTrue();
  }

  @Test
  void packetArrivingInTwoPartsIsJoined() {
    assertThat(cns(feed(false, A.substring(0, 40), A.substring(40) + "\r\n")))
        .containsExactly("1062");
  }

  @Test
  void junkWithoutLineEndsOrAFrameThatNeverEndsHoldsAtMostTheLongestFrame() {
    Hj212FrameDecoder decoder = new Hj212FrameDecoder(PacketDecoder.standard());
    EmbeddedChannel ch = new EmbeddedChannel(decoder);
    // the longest candidate: "##", 4 digits, 9999 bytes, 4 CRC digits, a line end
    int longest = 6 + 9999 + 4 + 2;
    String chunk = "x".repeat(1024);
    for (int i = 0; i < 2000; i++) {
      ch.writeInbound(Unpooled.copiedBuffer(i == 0 ? "##9999" : chunk, StandardCharsets.UTF_8));
      assertThat(decoder.heldBytes()).isLessThanOrEqualTo(longest + chunk.length());
      while (ch.readInbound() != null) {
        // invalid frames, dropped
      }
    }
    ch.finishAndReleaseAll();
  }

  @Test
  void aFrameLeftUnfinishedTimesOutButNotWhileReadingIsPaused() throws Exception {
    List<Object> events = new ArrayList<>();
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new Hj212FrameDecoder(PacketDecoder.standard(), Duration.ofMillis(50)),
            new ChannelInboundHandlerAdapter() {
              @Override
              public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
              }
            });
    ch.writeInbound(Unpooled.copiedBuffer(A.substring(0, 40), StandardCharsets.UTF_8));
    ch.config().setAutoRead(false); // the gateway paused reading: the rest waits in the socket
    for (int i = 0; i < 5; i++) {
      Thread.sleep(60);
      ch.runScheduledPendingTasks();
    }
    assertThat(events).isEmpty();
    ch.config().setAutoRead(true);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              ch.runScheduledPendingTasks();
              return events.contains(Hj212FrameDecoder.Event.FRAME_TIMEOUT);
            });
    ch.finishAndReleaseAll();
  }
}
