package org.qingshan.server.ingest;

import java.util.OptionalLong;
import org.qingshan.hj212.gateway.DeviceAuthenticator;

/**
 * What ingest needs to know of the registered devices: whether a device may send, and the id its
 * rows are stored under. The device feature answers; ingest imports nothing of it.
 */
public interface IngestDevices extends DeviceAuthenticator {
  /** The id of the registered device with this MN, from memory: asked for every packet. */
  OptionalLong idOf(String mn);
}
