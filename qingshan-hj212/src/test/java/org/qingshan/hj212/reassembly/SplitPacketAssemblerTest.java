package org.qingshan.hj212.reassembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.Suffix;

class SplitPacketAssemblerTest {
  static final String PART1 =
      "##0260QN=20160801085857534;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=1;"
          + "CP=&&DataTime=20160801080000;w00000-Cou=63.0,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,"
          + "w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N&&D941";
  static final String PART2 =
      "##0201QN=20160801085857535;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=2;"
          + "CP=&&DataTime=20160801080000;w01018-Cou=63.0,w01018-Min=40.1,w01018-Avg=40.1,w01018-Max=40.1,"
          + "w01018-Flag=N&&E2C1";

  private static Packet decode(String s) {
    return PacketDecoder.standard().decode(s).packet().orElseThrow();
  }

  @Test
  void partsInAnyOrderAreJoined() {
    SplitPacketAssembler a = new SplitPacketAssembler(Duration.ofMinutes(1));
    Instant t = Instant.EPOCH;
    assertThat(a.offer(decode(PART2), t)).isEmpty();
    assertThat(a.pending()).isEqualTo(1);
    Packet joined = a.offer(decode(PART1), t).orElseThrow();
    assertThat(a.pending()).isZero();
    assertThat(joined.split()).isEmpty();
    assertThat(joined.flag().orElseThrow().split()).isFalse();
    assertThat(joined.replyRequested()).isTrue();
    assertThat(joined.qn()).contains("20160801085857534");
    assertThat(joined.cp().readings()).hasSize(3);
    assertThat(joined.cp().reading("w01018").orElseThrow().value(Suffix.AVG)).hasValue(40.1);
    assertThat(joined.rawText().orElseThrow()).contains("PNO=1").contains("PNO=2");
  }

  @Test
  void unsplitPacketsPassStraightThrough() {
    SplitPacketAssembler a = new SplitPacketAssembler(Duration.ofMinutes(1));
    Packet p =
        decode(
            "##0073ST=32;CN=8013;PW=123456;MN=ZG130182201205;Flag=0;CP=&&HeartbeatTime=120&&0500");
    assertThat(a.offer(p, Instant.EPOCH)).contains(p);
  }

  @Test
  void incompleteUploadsExpire() {
    SplitPacketAssembler a = new SplitPacketAssembler(Duration.ofMinutes(1));
    a.offer(decode(PART1), Instant.EPOCH);
    assertThat(a.expire(Instant.EPOCH.plusSeconds(30))).isEmpty();
    assertThat(a.expire(Instant.EPOCH.plusSeconds(61))).hasSize(1);
    assertThat(a.pending()).isZero();
  }
}
