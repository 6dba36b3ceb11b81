package org.qingshan.hj212.gateway;

/** What the store did with a packet. */
public enum StoreResult {
  /** Durably stored: the packet is acknowledged. */
  STORED,
  /** Already stored earlier (same MN+CN+DataTime or same QN): acknowledged again, not stored. */
  DUPLICATE,
  /** Not stored: no acknowledgement, the device will send again. */
  FAILED,
  /**
   * Refused for good (a value or time that cannot be real, a field beyond the store's limits):
   * answered as the standard asks, so that the device does not send it again forever.
   */
  REFUSED
}
