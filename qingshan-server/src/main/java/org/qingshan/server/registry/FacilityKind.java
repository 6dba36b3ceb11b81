package org.qingshan.server.registry;

/** 生产设施 or 治污设施. */
public enum FacilityKind {
  PRODUCTION,
  TREATMENT
}
