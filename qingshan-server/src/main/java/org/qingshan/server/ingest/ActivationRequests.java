package org.qingshan.server.ingest;

/**
 * Where the gateway hands a CN=1001 from a logger without an MN (HJ 212-2025 activation), before
 * any password check: the device feature records it for an admin. Implemented by {@code
 * device.DeviceActivations}.
 */
public interface ActivationRequests {
  /**
   * @return whether it was recorded; the gateway answers a recorded request with 9013
   */
  boolean requested(ActivationRequest request);
}
