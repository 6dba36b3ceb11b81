package org.qingshan.hj212.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;

class CommandsTest {
  private static final PacketDecoder DECODER = PacketDecoder.standard();
  private final QnGenerator qns =
      new QnGenerator(
          Clock.fixed(Instant.parse("2016-08-01T00:58:57.223Z"), ZoneId.of("Asia/Shanghai")));
  private static final Commands.Device DEVICE =
      new Commands.Device("010000A8900016F000169DC0", "123456", "32", ProtocolVersion.HJ_212_2017);

  private static Packet decode(String s) {
    return DECODER.decode(s).packet().orElseThrow();
  }

  private static String wire(Packet p) {
    String s = PacketEncoder.encodeToString(p);
    assertThat(s).endsWith("\r\n");
    return s.substring(0, s.length() - 2);
  }

  @Test
  void answersMatchTheStandardsExamplesByteForByte() {
    Packet upload =
        decode(
            "##0260QN=20160801085857534;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=1;"
                + "CP=&&DataTime=20160801080000;w00000-Cou=63.0,w00000-Min=16.4,w00000-Avg=17.5,w00000-Max=20.1,"
                + "w00000-Flag=N;w01001-Min=7.1,w01001-Avg=7.5,w01001-Max=7.8,w01001-Flag=N&&D941");
    assertThat(wire(Commands.dataAnswer(upload)))
        .isEqualTo(
            "##0087QN=20160801085857534;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&5B40");
    Packet request =
        decode(
            "##0134QN=20160801085857223;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
                + "CP=&&BeginTime=20160801080000;EndTime=20160801080000&&7EC0");
    assertThat(wire(Commands.requestAnswer(request, QnReturn.READY)))
        .isEqualTo(
            "##0094QN=20160801085857223;ST=91;CN=9011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&1B00");
    assertThat(wire(Commands.executionResult(request, ExeReturn.SUCCESS)))
        .isEqualTo(
            "##0095QN=20160801085857223;ST=91;CN=9012;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&ExeRtn=1&&6240");
  }

  @Test
  void requestsMatchTheStandardsExamples() {
    Commands c = Commands.to(DEVICE, qns);
    Packet history =
        c.requestHistory(
            Commands.HistoryKind.HOUR,
            LocalDateTime.of(2016, 8, 1, 8, 0),
            LocalDateTime.of(2016, 8, 1, 8, 0));
    assertThat(wire(history))
        .isEqualTo(
            "##0134QN=20160801085857223;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
                + "CP=&&BeginTime=20160801080000;EndTime=20160801080000&&7EC0");
  }

  @Test
  void everyRequestDecodesBackToItself() {
    Commands c = Commands.to(DEVICE, qns);
    LocalDateTime t = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
    List<Packet> all =
        List.of(
            c.setTimeoutAndRetries(10, 3),
            c.getTime(Optional.of("w01018")),
            c.setTime(t),
            c.getRealtimeInterval(),
            c.setRealtimeInterval(30),
            c.getMinuteInterval(),
            c.setMinuteInterval(10),
            c.startRealtimeData(),
            c.stopRealtimeData(),
            c.startFacilityStatus(),
            c.stopFacilityStatus(),
            c.requestHistory(Commands.HistoryKind.DAY, t.minusDays(3), t),
            c.requestHistory(Commands.HistoryKind.MINUTE, t.minusHours(1), t),
            c.requestSiteInfo("w01018", "i11001", Optional.of(t.minusDays(1)), Optional.of(t)));
    for (Packet p : all) {
      Packet back = decode(wire(p));
      assertThat(back).isEqualTo(p);
      assertThat(back.replyRequested()).isTrue();
    }
    assertThat(all).extracting(Packet::qn).doesNotHaveDuplicates();
    assertThat(decode(wire(c.setTime(t))).cp().time("SystemTime")).contains(t);
  }

  @Test
  void answersToLegacyDevicesPutTheQnInCp() {
    Packet legacy =
        Packet.builder().qn("20160824000504006").st("32").cn("1012").pw("123456").mn("LD1").build();
    Packet answer = decode(wire(Commands.requestAnswer(legacy, QnReturn.READY)));
    assertThat(answer.flag()).isEmpty();
    assertThat(answer.qn()).isEmpty();
    assertThat(answer.answeredQn()).contains("20160824000504006");
  }

  @Test
  void outOfRangeIntervalsAreRefused() {
    Commands c = Commands.to(DEVICE, qns);
    assertThatThrownBy(() -> c.setRealtimeInterval(10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.setMinuteInterval(7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answerKinds() {
    assertThat(CommandCode.fromDevice("2011")).isEqualTo(CommandCode.Kind.UPLOAD);
    assertThat(CommandCode.fromDevice("9014")).isEqualTo(CommandCode.Kind.INTERACTION);
    assertThat(CommandCode.fromDevice("1013")).isEqualTo(CommandCode.Kind.NOTIFICATION);
    assertThat(CommandCode.fromCentre("2012")).isEqualTo(CommandCode.Kind.NOTIFICATION);
    assertThat(CommandCode.fromCentre("1062")).isEqualTo(CommandCode.Kind.REQUEST);
  }
}
