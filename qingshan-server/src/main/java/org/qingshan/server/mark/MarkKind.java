package org.qingshan.server.mark;

/** 停运, 停产, 检修, 校准, 故障, 维护: why data of a period is not judged. */
public enum MarkKind {
  STOPPED,
  PRODUCTION_STOPPED,
  OVERHAUL,
  CALIBRATION,
  FAULT,
  MAINTENANCE
}
