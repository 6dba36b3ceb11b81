package org.qingshan.hj212.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * Something an admin should see: a password being guessed, or a device connected twice.
 *
 * @param remoteAddress the IP address the event came from
 * @param mn the device concerned; empty for a locked address
 * @param failures failed logins that started a lock (0 for a second connection)
 * @param lockedFor how long a lock lasts ({@link Duration#ZERO} for a second connection)
 * @param otherAddress for a second connection, the address of the connection already open
 */
public record SecurityEvent(
    Kind kind,
    String remoteAddress,
    Optional<String> mn,
    int failures,
    Duration lockedFor,
    Optional<String> otherAddress) {

  public enum Kind {
    /** Too many wrong passwords for one MN: logins of it from new addresses wait. */
    DEVICE_LOCKED,
    /** Too many failed logins from one address: its logins wait. */
    ADDRESS_LOCKED,
    /** An MN logged in while a connection of it was open: both are kept, commands go to the new. */
    SECOND_CONNECTION
  }

  static SecurityEvent deviceLocked(String address, String mn, int failures, Duration lock) {
    return new SecurityEvent(
        Kind.DEVICE_LOCKED, address, Optional.of(mn), failures, lock, Optional.empty());
  }

  static SecurityEvent addressLocked(String address, int failures, Duration lock) {
    return new SecurityEvent(
        Kind.ADDRESS_LOCKED, address, Optional.empty(), failures, lock, Optional.empty());
  }

  static SecurityEvent secondConnection(String address, String mn, String otherAddress) {
    return new SecurityEvent(
        Kind.SECOND_CONNECTION,
        address,
        Optional.of(mn),
        0,
        Duration.ZERO,
        Optional.of(otherAddress));
  }
}
