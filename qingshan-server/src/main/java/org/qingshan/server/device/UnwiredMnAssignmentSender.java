package org.qingshan.server.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sender in place until the gateway speaks HJ 212-2025: CN=1002 is not sent. */
final class UnwiredMnAssignmentSender implements MnAssignmentSender {
  private static final Logger log = LoggerFactory.getLogger(UnwiredMnAssignmentSender.class);

  @Override
  public boolean send(String serial, String assignedMn, String qn) {
    log.warn("CN=1002 {} for serial {} not sent: the gateway cannot send it yet", qn, serial);
    return false;
  }
}
