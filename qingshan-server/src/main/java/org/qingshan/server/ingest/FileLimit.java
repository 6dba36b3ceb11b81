package org.qingshan.server.ingest;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's open-file limit against the gateway's connections: each connection is a file
 * descriptor, and past the limit the server can open neither connections nor its database and log
 * files.
 */
final class FileLimit {
  /** Descriptors the server needs besides device connections: jars, database, logs, web. */
  static final int HEADROOM = 1000;

  private static final Logger log = LoggerFactory.getLogger(FileLimit.class);

  private FileLimit() {}

  /** The soft limit of this process, where the platform tells it. */
  static OptionalLong ofThisProcess() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix) {
      return OptionalLong.of(unix.getMaxFileDescriptorCount());
    }
    return OptionalLong.empty();
  }

  /** Whether {@code maxConnections} and the headroom fit within {@code limit}. */
  static boolean fits(int maxConnections, long limit) {
    return (long) maxConnections + HEADROOM <= limit;
  }

  static void warnIfBelow(int maxConnections) {
    ofThisProcess()
        .ifPresent(
            limit -> {
              if (!fits(maxConnections, limit)) {
                log.warn(
                    "qingshan.hj212.max-connections={} with {} files for the rest exceeds this"
                        + " process's open-file limit of {}: raise the limit (ulimit -n, systemd"
                        + " LimitNOFILE=) or lower max-connections to {}",
                    maxConnections,
                    HEADROOM,
                    limit,
                    Math.max(1, limit - HEADROOM));
              }
            });
  }
}
