package org.qingshan.server.security;

/** The roles of a bureau's users; labels live in the message bundle. */
public enum Role {
  ADMIN,
  PLANNER,
  DISPATCHER,
  LIAISON,
  GRID_MEMBER,
  ENTERPRISE,
  LEADER;

  /** The names of roles, as Spring Security's role checks take them. */
  public static String[] names(Role... roles) {
    String[] names = new String[roles.length];
    for (int i = 0; i < roles.length; i++) {
      names[i] = roles[i].name();
    }
    return names;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  /** Roles that see every department's records; the others see their own department's. */
  public boolean seesAllDepartments() {
    return this == ADMIN || this == PLANNER || this == DISPATCHER || this == LEADER;
  }
}
