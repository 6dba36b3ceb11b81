package org.qingshan.server.user;

/** The roles of a bureau's users; labels live in the message bundle. */
public enum Role {
  ADMIN,
  PLANNER,
  DISPATCHER,
  LIAISON,
  GRID_MEMBER,
  ENTERPRISE,
  LEADER;

  public String authority() {
    return "ROLE_" + name();
  }

  /** Roles that see every department's records; the others see their own department's. */
  public boolean seesAllDepartments() {
    return this == ADMIN || this == PLANNER || this == DISPATCHER || this == LEADER;
  }
}
