package org.qingshan.hj212.gateway;

import org.qingshan.hj212.codec.CrcDialect;

/**
 * Checks MN and PW of every packet against the device registry. Called on network threads for every
 * packet: answer from memory, never block.
 */
public interface DeviceAuthenticator {

  /** Accepts every device: for tests, the simulator and load tests only. */
  DeviceAuthenticator ACCEPT_ALL = (mn, pw) -> AuthResult.ACCEPTED;

  AuthResult authenticate(String mn, String pw);

  /** The CRC dialect registered for the device; strict unless known otherwise. */
  default CrcDialect crcDialect(String mn) {
    return CrcDialect.STRICT;
  }
}
