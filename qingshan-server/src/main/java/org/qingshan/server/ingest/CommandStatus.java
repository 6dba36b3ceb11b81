package org.qingshan.server.ingest;

import org.qingshan.hj212.command.CommandCode;
import org.qingshan.hj212.packet.Packet;

/** Where a command sent to a device stands; labels live in the message bundle. */
public enum CommandStatus {
  SENT,
  NOT_DELIVERED,
  ACCEPTED,
  REFUSED,
  SUCCEEDED,
  FAILED,
  ANSWERED;

  /** The status a device's 9011 (QnRtn) or 9012 (ExeRtn) answer puts a command in. */
  static CommandStatus of(Packet answer) {
    if (answer.cn().equals(CommandCode.REQUEST_ANSWER)) {
      return "1".equals(answer.cp().value("QnRtn").orElse("")) ? ACCEPTED : REFUSED;
    }
    if (answer.cn().equals(CommandCode.EXECUTION_RESULT)) {
      return "1".equals(answer.cp().value("ExeRtn").orElse("")) ? SUCCEEDED : FAILED;
    }
    return ANSWERED;
  }
}
