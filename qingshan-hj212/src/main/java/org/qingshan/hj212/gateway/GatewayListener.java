package org.qingshan.hj212.gateway;

import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.packet.Packet;

/** Events for logs, counters and the unknown-device list. Called on network threads: be quick. */
public interface GatewayListener {

  GatewayListener NONE = new GatewayListener() {};

  /** A connection was accepted. */
  default void connected(long connectionId, String remoteAddress) {}

  /** A connection closed; {@code mn} is empty when no authenticated packet came on it. */
  default void disconnected(
      long connectionId, String remoteAddress, java.util.Optional<String> mn) {}

  /** A connection was refused because the maximum number of connections was reached. */
  default void refused(String remoteAddress) {}

  /** Bytes that are not a valid packet. */
  default void invalid(long connectionId, String remoteAddress, DecodeError error) {}

  /** A valid packet from a device that is unknown, blocked or gave a wrong password. */
  default void rejected(String remoteAddress, Packet packet, AuthResult result) {}

  /** The store failed or refused; the packet was not acknowledged. */
  default void storeFailed(ReceivedPacket packet, java.util.Optional<Throwable> cause) {}

  /** A connection or device went over its rate and reading was paused. */
  default void rateLimited(long connectionId, String remoteAddress) {}

  /** A connection was closed after the idle timeout. */
  default void idleClosed(long connectionId, String remoteAddress) {}
}
