package org.qingshan.server.device;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender in place until the gateway speaks HJ 212-2025: it sends nothing, so a key change is
 * shown as not sent rather than waiting for an answer that cannot come.
 */
final class UnwiredKeyChangeSender implements KeyChangeSender {
  private static final Logger log = LoggerFactory.getLogger(UnwiredKeyChangeSender.class);

  @Override
  public boolean send(String mn, String qn, Instant keyCreatedAt, byte[] newKey) {
    log.warn("key change {} for {} not sent: the gateway cannot send CN=1014 yet", qn, mn);
    return false;
  }
}
