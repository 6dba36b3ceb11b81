package org.qingshan.server.registry;

/** 废气排放口 (DA…) or 废水排放口 (DW…). */
public enum OutletKind {
  GAS,
  WATER
}
