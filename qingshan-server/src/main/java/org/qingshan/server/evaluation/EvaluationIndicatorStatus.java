package org.qingshan.server.evaluation;

/** An indicator's state in an evaluation: 达标 / 滞后 / 预警, or 无法评估 when not numeric or no value. */
public enum EvaluationIndicatorStatus {
  ON_TRACK,
  BEHIND,
  WARNING,
  UNKNOWN
}
