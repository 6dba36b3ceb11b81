package org.qingshan.server.registry;

/** The period a limit is judged over: real-time early warning, hour mean or day mean. */
public enum Averaging {
  REALTIME,
  HOUR,
  DAY
}
