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
 * @param sm4Key the SM4 key (32 hex digits) an HJ 212-2025 logger encrypts with, if it does
 * @param faults what is wrong with it, for the demo's alarms
 */
public record DeviceProfile(
    String mn,
    String pw,
    DeviceKind kind,
    String site,
    ProtocolVersion protocol,
    List<Factor> factors,
    Optional<String> sm4Key,
    Faults faults) {

  public DeviceProfile {
    factors = List.copyOf(factors);
  }

  /** A device that does not encrypt. */
  public DeviceProfile(
      String mn,
      String pw,
      DeviceKind kind,
      String site,
      ProtocolVersion protocol,
      List<Factor> factors) {
    this(mn, pw, kind, site, protocol, factors, Optional.empty(), Faults.NONE);
  }

  /** This device encrypting with {@code hexKey} (HJ 212-2025). */
  public DeviceProfile encrypting(String hexKey) {
    return new DeviceProfile(mn, pw, kind, site, protocol, factors, Optional.of(hexKey), faults);
  }

  /** This device with {@code faults}. */
  public DeviceProfile with(Faults faults) {
    return new DeviceProfile(mn, pw, kind, site, protocol, factors, sm4Key, faults);
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
