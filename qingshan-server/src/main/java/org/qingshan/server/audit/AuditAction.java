package org.qingshan.server.audit;

/** What happened; labels live in the message bundle. */
public enum AuditAction {
  CREATE,
  UPDATE,
  DELETE,
  MERGE,
  LOGIN,
  LOGIN_FAILED,
  LOGIN_LOCKED,
  LOGOUT,
  PASSWORD_CHANGE,
  /** Data taken out of the system, such as raw packets with their passwords. */
  EXPORT,
  /** A document read into the system, such as a plan for review. */
  IMPORT,
  /** A logged-in user refused a page or another department's record. */
  ACCESS_DENIED,
  /** The gateway saw a password being guessed or a device connected twice. */
  SECURITY_ALERT
}
