package org.qingshan.server.grid;

/** The grid responsible for an enterprise, and how it was chosen. */
public record EnterpriseAssignment(long enterpriseId, long gridId, AssignedBy how) {

  /** How an enterprise came into its grid; by hand is kept when grids are assigned again. */
  public enum AssignedBy {
    HAND,
    LOCATION,
    TOWN
  }
}
