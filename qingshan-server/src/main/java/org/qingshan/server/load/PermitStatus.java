package org.qingshan.server.load;

/** Where a year-to-date load stands against its annual permit. */
public enum PermitStatus {
  NORMAL,
  /** 即将超标: at or above the approaching ratio (80 % by default). */
  APPROACHING,
  /** 已超标: at or above the permitted total. */
  EXCEEDED
}
