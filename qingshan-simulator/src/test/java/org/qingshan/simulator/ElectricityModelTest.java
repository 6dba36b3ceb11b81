package org.qingshan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.DecodeResult;
import org.qingshan.hj212.codec.PacketDecoder;
import org.qingshan.hj212.codec.PacketEncoder;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.FactorReading;
import org.qingshan.hj212.packet.Packet;
import org.qingshan.hj212.packet.ProtocolVersion;

/** The demo's electricity meters: treatment follows production, but not always. */
class ElectricityModelTest {
  private final ValueModel values = new ValueModel(42, 0.02);
  private final DeviceProfile meter =
      DemoCounty.devices().stream()
          .filter(d -> d.kind() == DeviceKind.ELECTRICITY && d.faults().equals(Faults.NONE))
          .findFirst()
          .orElseThrow();

  private double value(String code, LocalDateTime t) {
    Factor f =
        meter.factors().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    return values.sample(meter, f, t);
  }

  @Test
  void metersSendVoltagesAndCurrentsOfEachFacilityUnderTheirDCodes() {
    assertThat(meter.st()).isEqualTo("44");
    assertThat(meter.factors())
        .extracting(Factor::code)
        .allMatch(c -> c.matches("d[23]0[1-4]\\d{2}"))
        .contains("d20101", "d20401", "d30401");
    double volts = value("d20101", LocalDateTime.of(2026, 11, 10, 3, 0));
    assertThat(volts).isBetween(210.0, 230.0);
  }

  @Test
  void treatmentRunsWithProductionExceptInSomeHours() {
    int productionHours = 0;
    int outOfStep = 0;
    for (LocalDateTime t = LocalDateTime.of(2026, 10, 1, 0, 30);
        t.isBefore(LocalDateTime.of(2026, 12, 1, 0, 0));
        t = t.plusHours(1)) {
      boolean producing = value("d20401", t) > 5;
      boolean treating = value("d30401", t) > 5;
      if (producing) {
        productionHours++;
        assertThat(t.getHour()).as("production on the day shift, %s", t).isBetween(6, 21);
        if (!treating) {
          outOfStep++;
        }
      }
    }
    assertThat(productionHours).as("two months of day shifts").isGreaterThan(600);
    assertThat(outOfStep)
        .as("hours producing without treatment")
        .isPositive()
        .isLessThan(productionHours / 10);
  }

  @Test
  void aStoppedTreatmentFacilityStandsStillWhileTheKilnRunsDayAndNight() {
    DeviceProfile kiln =
        DemoCounty.devices().stream()
            .filter(d -> !d.faults().stoppedTreatments().isEmpty())
            .findFirst()
            .orElseThrow();
    int stopped = kiln.faults().stoppedTreatments().iterator().next();
    String treatment = String.format("d304%02d", stopped);
    for (int h = 0; h < 48; h++) {
      LocalDateTime t = LocalDateTime.of(2026, 11, 10, 0, 30).plusHours(h);
      assertThat(valueOf(kiln, "d20401", t)).as("kiln at %s", t).isGreaterThan(5);
      assertThat(valueOf(kiln, treatment, t)).as("treatment at %s", t).isLessThan(1);
    }
  }

  private double valueOf(DeviceProfile device, String code, LocalDateTime t) {
    Factor f =
        device.factors().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    return values.sample(device, f, t);
  }

  @Test
  void metersSpeakHj212Of2025() {
    Packet realtime =
        new PacketFactory(
                meter, values, QnGenerator.systemDefault(), PacketFactory.STANDARD_MAX_SEGMENT)
            .realtime(LocalDateTime.of(2026, 11, 10, 9, 0));
    assertThat(realtime.st()).isEqualTo("44");
    assertThat(realtime.cn()).isEqualTo("2011");
    assertThat(realtime.flag().orElseThrow().version()).isEqualTo(ProtocolVersion.HJ_212_2025);
  }

  @Test
  void metersSendTheirProductionStatesUnderSt45AlongTheirCurrents() throws Exception {
    PacketFactory factory =
        new PacketFactory(
            meter, values, QnGenerator.systemDefault(), PacketFactory.STANDARD_MAX_SEGMENT);
    int running = 0;
    for (LocalDateTime t = LocalDateTime.of(2026, 11, 10, 0, 0);
        t.isBefore(LocalDateTime.of(2026, 11, 12, 0, 0));
        t = t.plusMinutes(30)) {
      Packet states = factory.productionStates(t).orElseThrow();
      assertThat(states.st()).isEqualTo("45");
      assertThat(states.cn()).isEqualTo("2011");
      byte[] frame = PacketEncoder.encode(states);
      Packet decoded =
          ((DecodeResult.Valid) PacketDecoder.standard().decode(frame, 0, frame.length - 2))
              .value();
      FactorReading line1 = decoded.cp().reading("p99101").orElseThrow();
      String mark = line1.state().orElseThrow();
      assertThat(mark).isIn("N", "Sr", "St");
      boolean producing = value("d20401", t) > 5;
      assertThat(mark.equals("St"))
          .as("stopped exactly when no current, %s", t)
          .isEqualTo(!producing);
      running += producing ? 1 : 0;
    }
    assertThat(running).isPositive();
    DeviceProfile stack = DemoCounty.devices().get(0);
    assertThat(
            new PacketFactory(
                    stack, values, QnGenerator.systemDefault(), PacketFactory.STANDARD_MAX_SEGMENT)
                .productionStates(LocalDateTime.of(2026, 11, 10, 9, 0)))
        .isEmpty();
  }
}
