package org.qingshan.server.device;

/** The commands the device page offers; labels live in the message bundle. */
public enum CommandKind {
  SET_TIME,
  GET_TIME,
  GET_REALTIME_INTERVAL,
  SET_REALTIME_INTERVAL,
  GET_MINUTE_INTERVAL,
  SET_MINUTE_INTERVAL,
  START_REALTIME,
  STOP_REALTIME,
  HISTORY_MINUTE,
  HISTORY_HOUR,
  HISTORY_DAY
}
