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
 * @param hardware the fingerprint an HJ 212-2025 logger sends with CN=1001 to get its MN; a device
 *     with hardware and an empty MN asks for one (network activation) before it sends any data
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
    Optional<Hardware> hardware,
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
    this(mn, pw, kind, site, protocol, factors, Optional.empty(), Optional.empty(), Faults.NONE);
  }

  /** This device encrypting with {@code hexKey} (HJ 212-2025). */
  public DeviceProfile encrypting(String hexKey) {
    return new DeviceProfile(
        mn, pw, kind, site, protocol, factors, Optional.of(hexKey), hardware, faults);
  }

  /** This device with {@code faults}. */
  public DeviceProfile with(Faults faults) {
    return new DeviceProfile(mn, pw, kind, site, protocol, factors, sm4Key, hardware, faults);
  }

  /**
   * This device as an HJ 212-2025 logger at its first start: no MN yet, it asks for one with its
   * {@code fingerprint} (CN=1001) and takes the MN the centre assigns (CN=1002).
   */
  public DeviceProfile activating(Hardware fingerprint) {
    return new DeviceProfile(
        "", pw, kind, site, protocol, factors, sm4Key, Optional.of(fingerprint), faults);
  }

  /** This device with the MN the centre assigned it (or assigned it in an earlier run). */
  public DeviceProfile withMn(String assigned) {
    return new DeviceProfile(assigned, pw, kind, site, protocol, factors, sm4Key, hardware, faults);
  }

  /** Whether this device still has to ask the centre for its MN before it sends data. */
  public boolean needsMn() {
    return mn.isEmpty();
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
