package org.qingshan.server.device;

import java.time.Instant;

/**
 * Sends a new SM4 key to a device (CN=1014, {@code SKCreateTime=…,NewSK=…}). The gateway's HJ
 * 212-2025 codec implements it; until then the server's default sends nothing and the change is
 * shown as not sent.
 */
public interface KeyChangeSender {
  /**
   * @param qn the QN to send, which the device's 9011/9012 answers will carry
   * @param keyCreatedAt the new key's SKCreateTime
   * @return whether the request went out; false if the device is offline or it cannot be sent
   */
  boolean send(String mn, String qn, Instant keyCreatedAt, byte[] newKey);
}
