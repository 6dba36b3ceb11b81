package org.qingshan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.hj212.reassembly.SplitPacketAssembler;

class PacketFactoryTest {
  private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 21, 0, 0);

  // Below the demo's widest day data (about 930 characters), so that some of it is split.
  private static final int MAX_SEGMENT = 500;

  private static List<Packet> dayData(DeviceProfile device, int maxSegment) {
    PacketFactory factory =
        new PacketFactory(device, new ValueModel(7, 0.02), QnGenerator.systemDefault(), maxSegment);
    return factory.period(CommandCode.DAY_DATA, DAY, Duration.ofDays(1), Duration.ofHours(1), true);
  }

  /** The demo devices as they send data: the logger that asks for its MN once it has it. */
  private static List<DeviceProfile> devicesWithMn() {
    return DemoCounty.devices().stream()
        .map(d -> d.needsMn() ? d.withMn("0A1B2C3D4E5F60718293A4B5") : d)
        .toList();
  }

  @Test
  void longUploadsAreSplitIntoPartsOfAtMost1024CharactersThatJoinBackWhole() {
    int splitDevices = 0;
    for (DeviceProfile device : devicesWithMn()) {
      List<Packet> parts = dayData(device, MAX_SEGMENT);
      Set<String> qns = new HashSet<>();
      SplitPacketAssembler assembler = new SplitPacketAssembler(Duration.ofMinutes(1));
      Optional<Packet> joined = Optional.empty();
      for (Packet part : parts) {
        String segment = PacketEncoder.segment(part);
        if (device.protocol() != ProtocolVersion.HJT_212_2005) {
          assertThat(segment.length()).as(device.mn()).isLessThanOrEqualTo(MAX_SEGMENT);
        }
        byte[] frame = PacketEncoder.encode(part);
        DecodeResult decoded = PacketDecoder.standard().decode(frame, 0, frame.length - 2);
        assertThat(decoded.isValid()).as(segment).isTrue();
        assertThat(part.cp().dataTime()).hasValue(DAY);
        part.qn().ifPresent(qns::add);
        joined = parts.size() == 1 ? Optional.of(part) : assembler.offer(part, Instant.now());
      }
      if (parts.size() > 1) {
        splitDevices++;
        assertThat(qns).hasSize(parts.size());
        assertThat(parts).allSatisfy(p -> assertThat(p.flag().orElseThrow().split()).isTrue());
      }
      assertThat(joined).as(device.mn() + " joined").isPresent();
      assertThat(joined.get().cp().readings())
          .extracting(FactorReading::factor)
          .containsExactlyElementsOf(device.factors().stream().map(Factor::code).toList());
    }
    assertThat(splitDevices).as("demo devices whose day data is split").isPositive();
  }

  @Test
  void atTheStandardLimitTheDemoDevicesSendWholeUploads() {
    for (DeviceProfile device : devicesWithMn()) {
      if (device.kind().periodData()) {
        assertThat(dayData(device, PacketFactory.STANDARD_MAX_SEGMENT)).as(device.mn()).hasSize(1);
      }
    }
  }

  @Test
  void treatmentFacilitiesReportTheirStateAndTheirHoursOfTreatmentADay() {
    ValueModel values = new ValueModel(7, 0.02);
    int shortDays = 0;
    for (DeviceProfile device : devicesWithMn()) {
      PacketFactory factory =
          new PacketFactory(
              device, values, QnGenerator.systemDefault(), PacketFactory.STANDARD_MAX_SEGMENT);
      int facilities =
          device.protocol() == ProtocolVersion.HJT_212_2005 ? 0 : device.kind().facilities();
      Optional<Packet> status = factory.facilityStatus(DAY.plusHours(9));
      assertThat(status.isPresent()).as(device.mn()).isEqualTo(facilities > 0);
      if (facilities == 0) {
        assertThat(factory.facilityRuntime(DAY, true)).isEmpty();
        continue;
      }
      Packet rs = decoded(status.get());
      assertThat(rs.cn()).isEqualTo(CommandCode.FACILITY_STATUS);
      assertThat(rs.cp().readings())
          .extracting(FactorReading::factor)
          .hasSize(facilities)
          .allMatch(f -> f.matches("SB[1-3]"));
      assertThat(rs.cp().text()).matches(".*SB1-RS=[0-5](;.*|$)");
      for (int d = 0; d < 120; d++) {
        Packet rt = decoded(factory.facilityRuntime(DAY.plusDays(d), true).orElseThrow());
        assertThat(rt.cn()).isEqualTo(CommandCode.FACILITY_RUNTIME_DAY);
        assertThat(rt.cp().dataTime()).hasValue(DAY.plusDays(d));
        for (String item : rt.cp().text().replaceFirst("^DataTime=\\d{14};", "").split(";")) {
          double hours = Double.parseDouble(item.substring(item.indexOf('=') + 1));
          // A facility stops, alarms or is serviced for whole hours; back-blowing still treats.
          assertThat(hours).as(item).isBetween(0.0, 24.0);
          assertThat(hours % 1).as(item).isZero();
          shortDays += hours < 24 ? 1 : 0;
        }
      }
    }
    assertThat(shortDays).as("facility-days with a stop, an alarm or maintenance").isPositive();
  }

  private static Packet decoded(Packet p) {
    byte[] frame = PacketEncoder.encode(p);
    return PacketDecoder.standard().decode(frame, 0, frame.length - 2).packet().orElseThrow();
  }
}
