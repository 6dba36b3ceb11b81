package org.qingshan.hj212.client;

import java.util.List;
import org.qingshan.hj212.packet.Packet;

/**
 * How a device answers the centre's commands: the packets to send back, in order (for a request:
 * 9011, any uploads, 9012; for a notification: 9013).
 */
@FunctionalInterface
public interface CommandResponder {

  /** Answers nothing: for load tests. */
  CommandResponder SILENT = command -> List.of();

  List<Packet> answer(Packet command);
}
