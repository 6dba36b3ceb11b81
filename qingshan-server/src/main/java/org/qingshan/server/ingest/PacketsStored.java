package org.qingshan.server.ingest;

import java.util.ArrayList;
import java.util.List;
import org.qingshan.hj212.gateway.ReceivedPacket;

/**
 * What one commit of the ingest queue stored, announced after the commit: rules (alarms, device
 * activity) and pages listen here rather than on the gateway, and a later Kafka worker publishes
 * the same event. Listeners run on the writer thread that committed, so they must be quick or hand
 * the work on.
 *
 * @param stored packets stored for the first time, in the order they were received per device
 * @param resent packets the store already held (a device sending again), acknowledged again
 */
public record PacketsStored(List<ReceivedPacket> stored, List<ReceivedPacket> resent) {
  public PacketsStored {
    stored = List.copyOf(stored);
    resent = List.copyOf(resent);
  }

  /** Every packet of the commit that reached the store, new or resent: the device was heard. */
  public List<ReceivedPacket> heard() {
    if (resent.isEmpty()) {
      return stored;
    }
    List<ReceivedPacket> all = new ArrayList<>(stored);
    all.addAll(resent);
    return all;
  }

  public boolean isEmpty() {
    return stored.isEmpty() && resent.isEmpty();
  }
}
