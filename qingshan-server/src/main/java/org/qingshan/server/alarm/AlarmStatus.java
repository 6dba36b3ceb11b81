package org.qingshan.server.alarm;

/** An alarm is open until someone acknowledges it, and acknowledged until it is closed. */
public enum AlarmStatus {
  OPEN,
  ACKNOWLEDGED,
  CLOSED
}
