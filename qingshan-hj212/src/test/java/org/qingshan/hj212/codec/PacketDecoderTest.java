package org.qingshan.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.packet.Split;
import org.qingshan.hj212.packet.Suffix;

class PacketDecoderTest {
  private final PacketDecoder decoder = PacketDecoder.standard();

  /** Frames a segment with a correct length and CRC computed here. */
  static String frame(String segment) {
    byte[] b = segment.getBytes(StandardCharsets.UTF_8);
    return String.format("##%04d%s%04X", b.length, segment, Crc16.hj212(b));
  }

  private Packet valid(String packet) {
    DecodeResult r = decoder.decode(packet);
    assertThat(r.error()).isEmpty();
    return r.packet().orElseThrow();
  }

  private ErrorKind invalid(String packet) {
    return decoder.decode(packet).error().orElseThrow().kind();
  }

  @Test
  void realTimeUploadOf2017IsTyped() {
    Packet p =
        valid(
            "##0218QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;"
                + "CP=&&DataTime=20160801085857;w01001-Rtd=7.1,w01001-Flag=N;w01018-SampleTime=20160801070000,"
                + "w01018-Rtd=2.2,w01018-Flag=N,w01018-EFlag=A01&&6E80");
    assertThat(p.qn()).contains("20160801085857223");
    assertThat(p.st()).isEqualTo("32");
    assertThat(p.cn()).isEqualTo("2011");
    assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
    assertThat(p.replyRequested()).isTrue();
    assertThat(p.protocol()).isEqualTo(ProtocolVersion.HJ_212_2017);
    assertThat(p.cp().dataTime()).contains(LocalDateTime.of(2016, 8, 1, 8, 58, 57));
    assertThat(p.cp().readings())
        .extracting(FactorReading::factor)
        .containsExactly("w01001", "w01018");
    FactorReading cod = p.cp().reading("w01018").orElseThrow();
    assertThat(cod.value(Suffix.RTD)).hasValue(2.2);
    assertThat(cod.flag()).contains(DataFlag.N);
    assertThat(cod.extendedFlag()).contains("A01");
    assertThat(cod.sampleTime()).contains(LocalDateTime.of(2016, 8, 1, 7, 0));
    assertThat(p.cp().valueCount()).isEqualTo(2);
  }

  @Test
  void aHeaderSeenBeforeGivesTheSameFieldsWithItsOwnQn() {
    String rest = ";ST=22;CN=2011;PW=654321;MN=HEADER-CACHE-1;Flag=5;PNUM=3;PNO=2;CP=&&&&";
    for (String qn : new String[] {"20260101000000001", "20260101000000002", "x"}) {
      Packet p = valid(frame("QN=" + qn + rest));
      assertThat(p.qn()).contains(qn);
      assertThat(List.of(p.st(), p.cn(), p.pw(), p.mn()))
          .containsExactly("22", "2011", "654321", "HEADER-CACHE-1");
      assertThat(p.flag().orElseThrow().value()).isEqualTo(5);
      assertThat(p.split()).contains(new Split(3, 2));
    }
    // a second QN is the one that counts, however often the rest was seen
    assertThat(valid(frame("QN=1" + rest.replace(";MN=", ";QN=2;MN="))).qn()).contains("2");
    assertThat(valid(frame("QN=1" + rest.replace(";MN=", ";QN=2;MN="))).qn()).contains("2");
    // without QN, and with one field changed, the header is read again
    assertThat(valid(frame(rest.substring(1))).qn()).isEmpty();
    assertThat(valid(frame("QN=3" + rest.replace("Flag=5", "Flag=4"))).flag().orElseThrow().value())
        .isEqualTo(4);
    assertThat(invalid(frame("QN=3" + rest.replace("PW=654321;", "")))).isEqualTo(ErrorKind.FIELD);
  }

  @Test
  void legacy2005UploadWithoutQnAndFlagAndWith17DigitTime() {
    Packet p =
        valid(
            "##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;"
                + "B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980");
    assertThat(p.qn()).isEmpty();
    assertThat(p.flag()).isEmpty();
    assertThat(p.protocol()).isEqualTo(ProtocolVersion.HJT_212_2005);
    assertThat(p.replyRequested()).isFalse();
    assertThat(p.cp().dataTime()).contains(LocalDateTime.of(2016, 8, 24, 0, 38, 17));
    assertThat(p.cp().reading("B01").orElseThrow().flag()).isEmpty();
    assertThat(p.cp().reading("011").orElseThrow().value(Suffix.RTD)).hasValue(231.0);
  }

  @Test
  void legacyAnswerCarriesItsQnInCp() {
    Packet p =
        valid(
            "##0084ST=91;CN=9011;PW=123456;MN=LD130107000188;Flag=0;CP=&&QN=20160824000504006;QnRtn=1&&5780");
    assertThat(p.answeredQn()).contains("20160824000504006");
    assertThat(p.cp().value("QnRtn")).contains("1");
  }

  @Test
  void flagBitsTwoAreHj2122025() {
    Packet p =
        valid(
            "##0078QN=20201008154743635;ST=91;CN=9014;PW=123456;MN=SD000001;Flag=9;CP=&&QnRtn=1&&71c0");
    assertThat(p.protocol()).isEqualTo(ProtocolVersion.HJ_212_2025);
    assertThat(p.replyRequested()).isTrue();
  }

  @Test
  void splitPacketFields() {
    Packet p =
        valid(
            "##0201QN=20160801085857535;ST=32;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=7;PNUM=2;PNO=2;"
                + "CP=&&DataTime=20160801080000;w01018-Cou=63.0,w01018-Min=40.1,w01018-Avg=40.1,"
                + "w01018-Max=40.1,w01018-Flag=N&&E2C1");
    assertThat(p.split()).hasValueSatisfying(s -> assertThat(s.number()).isEqualTo(2));
    assertThat(p.flag().orElseThrow().split()).isTrue();
    assertThat(p.cp().reading("w01018").orElseThrow().value(Suffix.COU)).hasValue(63.0);
  }

  @Test
  void nestedDataAreaAndTextWithSeparators() {
    String packet =
        frame(
            "QN=20200101000000000;ST=32;CN=3020;PW=123456;MN=M1;Flag=4;CP=&&DataTime=20200101000000;"
                + "PolId=w01018;i11001-Info=//故障; 泵,停=1//;Sub=&&a=1;b=&&c=2&&&&;w01018-Rtd=5&&");
    Packet p = valid(packet);
    assertThat(p.cp().value("i11001-Info")).contains("故障; 泵,停=1");
    assertThat(p.cp().entries()).extracting(e -> e.key()).contains("Sub", "w01018-Rtd");
    var sub =
        p.cp().entries().stream().filter(e -> e.key().equals("Sub")).findFirst().orElseThrow();
    assertThat(sub.nested()).isTrue();
    assertThat(sub.nestedArea().orElseThrow().value("b")).contains("c=2");
    assertThat(p.cp().reading("w01018").orElseThrow().value(Suffix.RTD)).hasValue(5.0);
  }

  @Test
  void toleratesAnnexTyposMissingSemicolonAndCommaBetweenFields() {
    assertThat(
            valid(frame("QN=20160801085857223;ST=32;CN=2012;PW=123456;MN=M1;Flag=5CP=&&&&"))
                .flag()
                .orElseThrow()
                .value())
        .isEqualTo(5);
    assertThat(valid(frame("QN=20160801085857534,ST=32;CN=2011;PW=1;MN=M1;Flag=4;CP=&&&&")).st())
        .isEqualTo("32");
  }

  @Test
  void factorsSplitOverItemsAreMerged() {
    Packet p =
        valid(frame("ST=31;CN=2011;PW=1;MN=M;CP=&&01-Rtd=1.5;02-Rtd=2;01-ZsRtd=1.7,01-Flag=D&&"));
    assertThat(p.cp().readings()).hasSize(2);
    FactorReading r = p.cp().reading("01").orElseThrow();
    assertThat(r.value(Suffix.ZS_RTD)).hasValue(1.7);
    assertThat(r.flag()).contains(DataFlag.D);
  }

  @Test
  void numbersParseExactly() {
    Packet p =
        valid(
            frame(
                "ST=31;CN=2011;PW=1;MN=M;CP=&&a-Rtd=-0.000009;b-Rtd=103288.101563;c-Rtd=1e3;"
                    + "d-Rtd=12345678901234567890.5;e-Rtd=+7&&"));
    assertThat(p.cp().reading("a").orElseThrow().value(Suffix.RTD)).hasValue(-0.000009);
    assertThat(p.cp().reading("b").orElseThrow().value(Suffix.RTD)).hasValue(103288.101563);
    assertThat(p.cp().reading("c").orElseThrow().value(Suffix.RTD)).hasValue(1000.0);
    assertThat(p.cp().reading("d").orElseThrow().value(Suffix.RTD))
        .hasValue(12345678901234567890.5);
    assertThat(p.cp().reading("e").orElseThrow().value(Suffix.RTD)).hasValue(7.0);
  }

  @Test
  void typedErrors() {
    assertThat(invalid("junk")).isEqualTo(ErrorKind.FRAME);
    assertThat(invalid("##01x1ST=1;CN=1;PW=1;MN=1;CP=&&&&0000")).isEqualTo(ErrorKind.FRAME);
    String seg = "ST=32;CN=2011;PW=1;MN=M;CP=&&&&";
    String longer = String.format("##%04d", seg.length() + 1) + frame(seg).substring(6);
    assertThat(invalid(longer)).isEqualTo(ErrorKind.LENGTH);
    String good = frame("ST=32;CN=2011;PW=1;MN=M;CP=&&&&");
    assertThat(invalid(good.substring(0, good.length() - 4) + "0000")).isEqualTo(ErrorKind.CRC);
    assertThat(invalid(frame("ST=32;CN=2011;PW=1;CP=&&&&"))).isEqualTo(ErrorKind.FIELD);
    assertThat(invalid(frame("ST=32;CN=2011;PW=1;MN=M;CP=&&a=1"))).isEqualTo(ErrorKind.FIELD);
    assertThat(invalid(frame("ST=32;CN=2011;PW=1;MN=M;Flag=300;CP=&&&&")))
        .isEqualTo(ErrorKind.FIELD);
    assertThat(invalid(frame("ST=32;CN=2011;PW=1;MN=M;CP=&&a-Rtd=abc&&")))
        .isEqualTo(ErrorKind.VALUE);
    assertThat(invalid(frame("ST=32;CN=2011;PW=1;MN=M;CP=&&DataTime=20161332000000&&")))
        .isEqualTo(ErrorKind.VALUE);
    assertThat(invalid(frame("ST=32;CN=2011;PW=1;MN=M;CP=&&a-Rtd=NaN&&")))
        .isEqualTo(ErrorKind.VALUE);
  }

  @Test
  void errorCarriesTheOffendingBytes() {
    DecodeError e = decoder.decode("##0101QN=2016").error().orElseThrow();
    assertThat(e.text()).isEqualTo("##0101QN=2016");
  }

  @Test
  void maximumLengthIsConfigurable() {
    String p = frame("ST=32;CN=2011;PW=1;MN=M;CP=&&" + "x=1;".repeat(300) + "&&");
    assertThat(decoder.decode(p).isValid()).isTrue();
    PacketDecoder strict = new PacketDecoder(DecoderOptions.defaults().withMaxSegmentLength(1024));
    assertThat(strict.decode(p).error().orElseThrow().kind()).isEqualTo(ErrorKind.LENGTH);
  }

  @Test
  void swappedModbusCrcOnlyForDevicesAllowedToSendIt() {
    String seg = "ST=31;CN=2051;PW=123456;MN=OLD1;CP=&&a-Avg=1&&";
    byte[] b = seg.getBytes(StandardCharsets.US_ASCII);
    String p =
        String.format("##%04d%s%04X", b.length, seg, Crc16.swapBytes(Crc16.modbus(b, 0, b.length)));
    assertThat(decoder.decode(p).error().orElseThrow().kind()).isEqualTo(ErrorKind.CRC);
    PacketDecoder lenient =
        new PacketDecoder(
            DecoderOptions.defaults()
                .withCrcPolicy(
                    mn ->
                        mn.equals("OLD1") ? CrcDialect.ACCEPT_SWAPPED_MODBUS : CrcDialect.STRICT));
    assertThat(lenient.decode(p).isValid()).isTrue();
    assertThat(lenient.decode(p.replace("OLD1", "NEW1")).isValid()).isFalse();
  }
}
