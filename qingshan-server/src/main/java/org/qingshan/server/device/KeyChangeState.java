package org.qingshan.server.device;

/** Where a key change (CN=1014) stands; labels in the device bundle. */
public enum KeyChangeState {
  /** Sent, no answer yet. */
  PENDING,
  /** The device took the request (9011 QnRtn=1) and has not said it is done. */
  ACCEPTED,
  /** The device uses the new key (9012 ExeRtn=1): it became the device's key. */
  CONFIRMED,
  /** The device refused the request (9011 QnRtn other than 1). */
  REFUSED,
  /** The device could not carry it out (9012 ExeRtn other than 1). */
  FAILED,
  /** No answer in time: the device still has its old key, as far as we know. */
  EXPIRED,
  /** It could not be sent: the device was offline, or the gateway cannot send CN=1014 yet. */
  NOT_SENT;

  public boolean open() {
    return this == PENDING || this == ACCEPTED;
  }
}
