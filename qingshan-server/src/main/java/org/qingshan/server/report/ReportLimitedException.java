package org.qingshan.server.report;

import org.qingshan.server.web.UserFacingException;

/** A limit of the public pages reached: answered 429 with the message, nothing stored. */
class ReportLimitedException extends UserFacingException {
  ReportLimitedException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
