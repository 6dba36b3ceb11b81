package org.qingshan.hj212.gateway;

import java.time.Instant;
import java.util.List;
import org.qingshan.hj212.packet.Packet;

/**
 * A valid packet from an authenticated device, as handed to the {@link PacketSink}.
 *
 * @param packet the packet; split uploads arrive joined
 * @param parts the packets as received (one, or each part of a split upload), with their raw bytes
 * @param remoteAddress the device's address, {@code ip:port}
 * @param receivedAt when the (last part of the) packet arrived
 * @param connectionId the gateway's id of the connection it came on
 */
public record ReceivedPacket(
    Packet packet,
    List<Packet> parts,
    String remoteAddress,
    Instant receivedAt,
    long connectionId) {

  public ReceivedPacket {
    parts = List.copyOf(parts);
  }
}
