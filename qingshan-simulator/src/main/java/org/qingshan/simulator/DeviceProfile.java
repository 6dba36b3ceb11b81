package org.qingshan.simulator;

import java.util.List;
import java.util.Optional;
import org.qingshan.hj212.packet.ProtocolVersion;

/**
 * One simulated device, as the server registers it.
 *
 * @param mn device id (MN)
 * @param pw access password (PW)
 * @param kind what it monitors; {@code kind.st()} is its ST
 * @param site Chinese name of the enterprise outlet or station
 * @param protocol HJ 212-2017, or HJ/T 212-2005 for an old data acquisition unit
 * @param factors the factors it reports
 */
public record DeviceProfile(
    String mn,
    String pw,
    DeviceKind kind,
    String site,
    ProtocolVersion protocol,
    List<Factor> factors) {

  public DeviceProfile {
    factors = List.copyOf(factors);
  }

  /** HJ 212 system code. */
  public String st() {
    return kind.st();
  }

  /** The flow factor whose total drives pollutant totals, if the device has one. */
  public Optional<Factor> flow() {
    return factors.stream()
        .filter(
            f -> f.code().equals("a00000") || f.code().equals("w00000") || f.code().equals("B01"))
        .findFirst();
  }
}
