package org.qingshan.server.ingest;

import java.util.Optional;

/**
 * The SM4 key of a device (HJ 212-2025), for the gateway to decrypt what it receives and encrypt
 * what it sends; answered from memory. Implemented by {@code device.DeviceKeys}.
 */
public interface DeviceKeyLookup {
  Optional<byte[]> keyOf(String mn);
}
