package org.qingshan.hj212.codec;

import java.util.Map;
import java.util.Optional;

/**
 * Each device's SM4 key, by MN (HJ 212-2025). The decoder decrypts with it when a packet's CRC does
 * not match its bytes as sent; the gateway encrypts what it sends to a device that has one.
 * Implementations are called on I/O threads: they answer from memory, without blocking.
 */
@FunctionalInterface
public interface DeviceKeys {
  /** The key of the device {@code mn}, if it encrypts. */
  Optional<Sm4Key> keyFor(String mn);

  /** How a device writes its ciphertext; {@link CipherForm#BINARY} unless said otherwise. */
  default CipherForm formFor(String mn) {
    return CipherForm.BINARY;
  }

  /** No device encrypts. */
  static DeviceKeys none() {
    return mn -> Optional.empty();
  }

  /** Fixed keys, for tests and the command line. */
  static DeviceKeys of(Map<String, Sm4Key> keys) {
    Map<String, Sm4Key> copy = Map.copyOf(keys);
    return mn -> Optional.ofNullable(copy.get(mn));
  }

  /** One key for every device ({@code hj212 check --sm4-key}). */
  static DeviceKeys everyDevice(Sm4Key key) {
    Optional<Sm4Key> k = Optional.of(key);
    return mn -> k;
  }
}
