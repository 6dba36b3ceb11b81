package org.qingshan.server.plandispatch;

/** How a task names a unit: 牵头 (lead), 配合 (support), or 负责 without a lead (responsible). */
public enum DispatchUnitRole {
  LEAD,
  SUPPORT,
  RESPONSIBLE
}
