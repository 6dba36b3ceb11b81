package org.qingshan.hj212.gateway;

import java.util.Optional;
import org.qingshan.hj212.codec.DecodeError;
import org.qingshan.hj212.packet.Packet;

/** Events for logs, counters and the unknown-device list. Called on network threads: be quick. */
public interface GatewayListener {

  GatewayListener NONE = new GatewayListener() {};

  /** A connection was accepted. */
  default void connected(long connectionId, String remoteAddress) {}

  /** A connection closed; {@code mn} is empty when no authenticated packet came on it. */
  default void disconnected(long connectionId, String remoteAddress, Optional<String> mn) {}

  /** A connection was refused because the maximum number of connections was reached. */
  default void refused(String remoteAddress) {}

  /** A connection was refused because its address has the most connections it may have. */
  default void refusedForAddress(String remoteAddress) {}

  /**
   * Bytes that are not a valid packet. The error carries the bytes: never log them as they are (a
   * flood of junk would become a flood of log lines, and they may hold terminal escapes).
   */
  default void invalid(long connectionId, String remoteAddress, DecodeError error) {}

  /**
   * A connection was closed because it sent only invalid frames, or a frame that did not end in
   * time ({@code invalidFrames} is then 0).
   */
  default void junkClosed(long connectionId, String remoteAddress, int invalidFrames) {}

  /** A valid packet from a device that is unknown, blocked or gave a wrong password. */
  default void rejected(String remoteAddress, Packet packet, AuthResult result) {}

  /**
   * A login not checked because its MN or address is locked; the connection is closed unless a
   * device logged in on it before.
   */
  default void lockedOut(String remoteAddress, String mn) {}

  /** A password being guessed, or a device connected twice: for an admin to look at. */
  default void securityEvent(SecurityEvent event) {}

  /** The store failed or refused; the packet was not acknowledged. */
  default void storeFailed(ReceivedPacket packet, Optional<Throwable> cause) {}

  /** A connection or device went over its rate and reading was paused. */
  default void rateLimited(long connectionId, String remoteAddress) {}

  /** A connection was closed after the idle timeout. */
  default void idleClosed(long connectionId, String remoteAddress) {}
}
