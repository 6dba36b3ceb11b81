package org.qingshan.server.ingest;

import org.qingshan.hj212.gateway.AuthResult;

/** Where ingest reports devices it refused, for an administrator to review. */
public interface RefusedDevices {
  /** One more refused attempt of a device; fields are cut to size by the receiver. */
  void record(String mn, String st, AuthResult reason, String remoteAddress, String packet);

  /** An attempt that could not be recorded at all (the recorder was behind). */
  void dropped();
}
