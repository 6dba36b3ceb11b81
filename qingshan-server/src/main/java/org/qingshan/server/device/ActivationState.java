package org.qingshan.server.device;

/** Where a logger's activation stands; labels in the device bundle. */
public enum ActivationState {
  /** It asked (CN=1001); no admin has registered it yet. */
  WAITING,
  /** Registered with an assigned MN, sent with CN=1002; no answer yet. */
  ASSIGNED,
  /** The logger took the request (9011 QnRtn=1). */
  ACCEPTED,
  /** The logger uses its new MN (9012 ExeRtn=1). */
  CONFIRMED,
  /** The logger refused (9011) or failed (9012). */
  FAILED,
  /** No answer in time. */
  EXPIRED,
  /** CN=1002 could not be sent: the logger is not connected, or the gateway cannot send it yet. */
  NOT_SENT;

  boolean awaitingAnswer() {
    return this == ASSIGNED || this == ACCEPTED;
  }
}
