package org.qingshan.hj212.gateway;

import java.util.concurrent.CompletionStage;

/**
 * Where the gateway delivers packets; the server implements it with its ingest queue and
 * observation store. The gateway answers the device (9014, 9013) only after the returned stage
 * completes with {@link StoreResult#STORED} or {@link StoreResult#DUPLICATE}; so completing means
 * "durable". While stages are pending the gateway stops reading from the connection (backpressure),
 * so a slow store slows devices down instead of losing data.
 *
 * <p>Every packet of an authenticated device comes here, including the device's answers to commands
 * (9011, 9012, and uploads such as 1011 with SystemTime), which carry the command's QN.
 */
@FunctionalInterface
public interface PacketSink {

  /** Stores the packet; must not block the calling (network) thread. */
  CompletionStage<StoreResult> store(ReceivedPacket packet);
}
