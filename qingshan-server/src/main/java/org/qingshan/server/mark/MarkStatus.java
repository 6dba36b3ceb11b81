package org.qingshan.server.mark;

/** A filed mark is in force until the bureau rejects it; accepting it confirms it. */
public enum MarkStatus {
  FILED,
  ACCEPTED,
  REJECTED;

  public boolean inForce() {
    return this != REJECTED;
  }
}
