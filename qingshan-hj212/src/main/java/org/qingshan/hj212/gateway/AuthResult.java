package org.qingshan.hj212.gateway;

/** Whether a device may deliver data. */
public enum AuthResult {
  ACCEPTED,
  /** The MN is not registered: the attempt is logged and the device listed for an admin. */
  UNKNOWN_DEVICE,
  WRONG_PASSWORD,
  /** Registered but blocked by an admin. */
  BLOCKED
}
