package org.qingshan.server.cases;

/** Who a case is handed to: one user (a grid member), a department's liaisons, an enterprise. */
public enum AssigneeKind {
  USER,
  DEPARTMENT,
  ENTERPRISE
}
