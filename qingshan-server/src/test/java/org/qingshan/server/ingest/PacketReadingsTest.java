package org.qingshan.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PacketReadingsTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 11, 22, 10, 30, 15);

  private static Observation reading(String factor, Double value, Double converted, String flag) {
    return new Observation(
        7,
        ObservationKind.REALTIME,
        factor,
        T,
        value == null ? OptionalDouble.empty() : OptionalDouble.of(value),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        converted == null ? OptionalDouble.empty() : OptionalDouble.of(converted),
        Optional.ofNullable(flag));
  }

  @Test
  void valuesAbsencesAndFlagsSurviveTheRoundTrip() {
    Observation all =
        new Observation(
            7,
            ObservationKind.REALTIME,
            "w01018",
            T,
            OptionalDouble.of(0.1 + 0.2),
            OptionalDouble.of(-3.5),
            OptionalDouble.of(Double.MAX_VALUE),
            OptionalDouble.of(1e-300),
            OptionalDouble.of(42),
            Optional.of("N"));
    List<Observation> readings =
        List.of(
            all,
            reading("a21026", 30.0, 36.0, "N"),
            reading("a19001", 9.5, null, null),
            reading("a34013", null, null, "D"),
            reading("二氧化硫", 1.0, null, "M"));

    byte[] bytes = PacketReadings.encode(readings);

    assertThat(PacketReadings.decode(7, ObservationKind.REALTIME, T, bytes)).isEqualTo(readings);
  }

  @Test
  void aPacketWithoutValuesIsOneByte() {
    byte[] bytes = PacketReadings.encode(List.of());
    assertThat(bytes).hasSize(1);
    assertThat(PacketReadings.decode(1, ObservationKind.REALTIME, T, bytes)).isEmpty();
  }

  @Test
  void everyValueCostsEightBytesAndAFactorItsCode() {
    // version + (length + "a21026" + mask + 2 doubles + length + "N")
    assertThat(PacketReadings.encode(List.of(reading("a21026", 30.0, 36.0, "N"))))
        .hasSize(1 + 1 + 6 + 1 + 16 + 1 + 1);
  }

  @Test
  void damagedBytesGiveAClearError() {
    byte[] bytes = PacketReadings.encode(List.of(reading("a21026", 30.0, 36.0, "N")));
    assertThatThrownBy(
            () ->
                PacketReadings.decode(
                    1, ObservationKind.REALTIME, T, Arrays.copyOf(bytes, bytes.length - 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut short");
    byte[] strange = bytes.clone();
    strange[1 + 1 + 6] |= (byte) 0x80; // the presence byte after "a21026"
    assertThatThrownBy(() -> PacketReadings.decode(1, ObservationKind.REALTIME, T, strange))
        .hasMessageContaining("unknown presence bits");
    bytes[0] = 9;
    assertThatThrownBy(() -> PacketReadings.decode(1, ObservationKind.REALTIME, T, bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown version: 9");
  }
}
