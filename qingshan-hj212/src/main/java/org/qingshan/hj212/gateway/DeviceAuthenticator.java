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

  /**
   * Whether an HJ 212-2025 logger without an MN may announce itself (CN=1001, empty MN) with this
   * serial ({@code i23005-Info}) from this address; its packet then goes to the sink, is answered
   * with 9013 once stored, and the connection can be sent the CN=1002 that assigns its MN ({@link
   * Hj212Gateway#sendToActivating}). Refused unless the registry says otherwise.
   */
  default boolean acceptsActivation(String serial, String address) {
    return false;
  }

  /** The CRC dialect registered for the device; strict unless known otherwise. */
  default CrcDialect crcDialect(String mn) {
    return CrcDialect.STRICT;
  }
}
