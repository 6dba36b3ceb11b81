package org.qingshan.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingshan.hj212.codec.PacketDecoderTest.frame;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.Flag;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Suffix;

/** HJ 212-2025 packets without encryption: version, RF, activation, new codes. */
class Hj2122025Test {
  private static final String MN = "010000A8900016F000169DC0";
  private final PacketDecoder decoder = PacketDecoder.standard();

  private Packet valid(String packet) {
    DecodeResult r = decoder.decode(packet);
    assertThat(r.error()).isEmpty();
    return r.packet().orElseThrow();
  }

  @Test
  void appendixA1IsA2025PacketWithItsCrc() {
    Packet p =
        valid(
            "##0087QN=20240601085857223;ST=32;CN=1011;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&&&2200");
    assertThat(p.protocol()).isEqualTo(ProtocolVersion.HJ_212_2025);
    assertThat(p.mn()).hasSize(24);
    assertThat(p.resent()).isFalse();
    assertThat(p.encrypted()).isFalse();
  }

  @Test
  void versionComesFromFlagBits() {
    assertThat(Flag.valueOf(4).version()).isEqualTo(ProtocolVersion.HJ_212_2017);
    assertThat(Flag.valueOf(1).version()).isEqualTo(ProtocolVersion.HJT_212_2005);
    assertThat(Flag.valueOf(8).version()).isEqualTo(ProtocolVersion.HJ_212_2025);
    assertThat(Flag.valueOf(11).version()).isEqualTo(ProtocolVersion.HJ_212_2025);
    assertThat(Flag.valueOf(13).version()).isEqualTo(ProtocolVersion.LATER);
    Packet noFlag = valid(frame("ST=32;CN=2011;PW=123456;MN=" + MN + ";CP=&&&&"));
    assertThat(noFlag.protocol()).isEqualTo(ProtocolVersion.HJT_212_2005);
    assertThat(noFlag.protocol(ProtocolVersion.HJ_212_2025)).isEqualTo(ProtocolVersion.HJ_212_2025);
  }

  @Test
  void resentPacketIsMarkedAndKeptThroughTheHeaderCache() {
    String seg =
        "QN=20240601085857223;ST=32;CN=2061;PW=123456;MN="
            + MN
            + ";Flag=9;RF=1;CP=&&DataTime=20240601080000;w01018-Avg=17.5,w01018-Flag=N&&";
    for (int i = 0; i < 3; i++) { // the second and third come from KnownHeaders
      Packet p = valid(frame(seg));
      assertThat(p.resent()).isTrue();
      assertThat(p.cp().reading("w01018").orElseThrow().value(Suffix.AVG)).hasValue(17.5);
    }
    Packet live = valid(frame(seg.replace("RF=1;", "")));
    assertThat(live.resent()).isFalse();
    assertThat(PacketEncoder.segment(valid(frame(seg)))).contains(";Flag=9;RF=1;CP=&&");
    assertThat(decoder.decode(frame(seg.replace("RF=1", "RF=x"))).error().orElseThrow().kind())
        .isEqualTo(ErrorKind.FIELD);
  }

  @Test
  void activationWithoutMnIsAcceptedOnlyOn1001() {
    String cp =
        "CP=&&i23005-Info=6970000000001ABCDEFG1234;i23006-Info=A800200A8C6D;"
            + "i23007-Info=E86A643C7BBC;i23008-Info=A763742C1AE1&&";
    Packet p = valid(frame("QN=20240601085857223;ST=91;CN=1001;PW=123456;MN=;Flag=9;" + cp));
    assertThat(p.mn()).isEmpty();
    assertThat(p.cp().value("i23005-Info")).contains("6970000000001ABCDEFG1234");
    Packet answer = Commands.answerFor(p).orElseThrow();
    assertThat(answer.cn()).isEqualTo(CommandCode.NOTIFICATION_ANSWER);
    assertThat(answer.flag()).contains(Flag.NO_REPLY_2025);
    assertThat(answer.qn()).contains("20240601085857223");
    assertThat(
            decoder
                .decode(frame("QN=20240601085857223;ST=32;CN=2011;PW=123456;MN=;Flag=9;" + cp))
                .error()
                .orElseThrow()
                .kind())
        .isEqualTo(ErrorKind.FIELD);
  }

  @Test
  void repliesGoOutInTheDevicesVersion() {
    String seg = "QN=20240601085857223;ST=32;CN=2061;PW=123456;MN=" + MN + ";Flag=%d;CP=&&&&";
    assertThat(Commands.answerFor(valid(frame(String.format(seg, 9)))).orElseThrow().flag())
        .contains(Flag.valueOf(8));
    assertThat(Commands.answerFor(valid(frame(String.format(seg, 5)))).orElseThrow().flag())
        .contains(Flag.valueOf(4));
    Packet request =
        Commands.to(
                new Commands.Device(MN, "123456", "32", ProtocolVersion.HJ_212_2025),
                new QnGenerator(Clock.systemUTC()))
            .getRealtimeInterval();
    assertThat(request.flag()).contains(Flag.REPLY_2025);
  }

  @Test
  void requestsOf2025() {
    Commands to =
        Commands.to(
            new Commands.Device(MN, "123456", "32", ProtocolVersion.HJ_212_2025),
            new QnGenerator(Clock.systemUTC()));
    assertThat(PacketEncoder.segment(to.assignMn("6970000000001ABCDEFG1234")))
        .contains(
            ";CN=1002;PW=123456;MN=" + MN + ";Flag=9;CP=&&i23005-Info=6970000000001ABCDEFG1234&&");
    Packet key =
        to.changeSm4Key(
            Sm4Key.ofText("0000000000000000"),
            LocalDateTime.of(2024, 6, 1, 8, 58, 57, 223_000_000));
    assertThat(key.cp().text()).isEqualTo("SKCreateTime=20240601085857223,NewSK=0000000000000000");
    assertThat(decoder.decode(PacketEncoder.frame(key)).packet().map(Packet::cn)).contains("1014");
    assertThatThrownBy(
            () ->
                to.changeSm4Key(
                    Sm4Key.ofHex("00112233445566778899AABBCCDDEEFF"), LocalDateTime.now()))
        .isInstanceOf(IllegalArgumentException.class);
    // a key led by // would be read back as a //…// text: it is not sent
    assertThat(Commands.sendableAsNewSk("//a0000000000000".getBytes(StandardCharsets.US_ASCII)))
        .isFalse();
    assertThat(Commands.sendableAsNewSk("a//0000000000000".getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
    assertThat(
            decoder
                .decode(
                    PacketEncoder.frame(
                        to.changeSm4Key(Sm4Key.ofText("a//0000000000000"), LocalDateTime.now())))
                .packet()
                .flatMap(p -> p.cp().value("NewSK")))
        .contains("a//0000000000000");
    assertThat(to.retainSample("w01018").cn()).isEqualTo("3022");
    assertThat(to.startStandardCheck("w01018").cp().value("PolId")).contains("w01018");
  }

  @Test
  void heartbeatIsAnsweredWith9013OnlyWhenAsked() {
    String seg = "QN=20240601085857223;ST=32;CN=9015;PW=123456;MN=" + MN + ";Flag=%d;CP=&&&&";
    Packet asks = valid(frame(String.format(seg, 9)));
    assertThat(Commands.answerFor(asks).map(Packet::cn)).contains("9013");
    assertThat(Commands.answerFor(valid(frame(String.format(seg, 8))))).isEmpty();
    assertThat(CommandCode.fromDevice("9015")).isEqualTo(CommandCode.Kind.HEARTBEAT);
  }

  @Test
  void electricityAndProductionStatesDecodeAsReadings() {
    Packet power =
        valid(
            frame(
                "QN=20240601085857223;ST=44;CN=2011;PW=123456;MN="
                    + MN
                    + ";Flag=9;CP=&&DataTime=20240601085800;d20105-Rtd=220.20,d20105-Flag=N;"
                    + "d20405-Rtd=0.24,d20405-Flag=N;d30106-Rtd=220.20,d30106-Flag=N&&"));
    assertThat(power.st()).isEqualTo(CommandCode.ST_ELECTRICITY);
    assertThat(power.cp().reading("d20105").orElseThrow().value(Suffix.RTD)).hasValue(220.2);
    assertThat(power.cp().reading("d30106").orElseThrow().flag()).contains(DataFlag.N);
    assertThat(power.cp().valueCount()).isEqualTo(3);
    Packet states =
        valid(
            frame(
                "QN=20240601085857223;ST=45;CN=2011;PW=123456;MN="
                    + MN
                    + ";Flag=9;CP=&&DataTime=20240601085800;p99101-Rtd=St,p99101-Flag=N;p99102-Rtd=N;p99103-Rtd=Sr;p99104-Rtd=1&&"));
    assertThat(states.st()).isEqualTo(CommandCode.ST_PRODUCTION_STATE);
    assertThat(states.cp().readings())
        .extracting(r -> r.factor() + "=" + r.state().orElse("-"))
        .containsExactly("p99101=St", "p99102=N", "p99103=Sr", "p99104=-");
    assertThat(states.cp().reading("p99101").orElseThrow().flag()).contains(DataFlag.N);
    assertThat(states.cp().reading("p99104").orElseThrow().value(Suffix.RTD)).hasValue(1.0);
    // a word where any other factor's number belongs is still an error
    assertThat(
            decoder
                .decode(
                    frame(
                        "QN=20240601085857223;ST=44;CN=2011;PW=123456;MN="
                            + MN
                            + ";Flag=9;CP=&&d20105-Rtd=St&&"))
                .error()
                .orElseThrow()
                .kind())
        .isEqualTo(ErrorKind.VALUE);
  }

  @Test
  void newCommandCodesDecode() {
    for (String cn :
        new String[] {"1001", "1002", "1014", "2013", "2052", "2062", "2111", "3022", "3024"}) {
      Packet p =
          valid(
              frame(
                  "QN=20240601085857223;ST=32;CN="
                      + cn
                      + ";PW=123456;MN="
                      + MN
                      + ";Flag=9;CP=&&DataTime=20240601085800;a01901-Avg=868&&"));
      assertThat(p.cn()).isEqualTo(cn);
    }
    assertThat(Optional.of(CommandCode.isEncryptable("2061"))).contains(true);
    assertThat(CommandCode.isEncryptable("1014")).isTrue();
    assertThat(CommandCode.isEncryptable("3020")).isTrue();
    assertThat(CommandCode.isEncryptable("9014")).isFalse();
    assertThat(CommandCode.isEncryptable("1001")).isFalse();
  }
}
