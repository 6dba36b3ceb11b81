package org.qingshan.server.security;

import java.util.Set;

/**
 * The departments under a department, for a user's data scope. The departments feature answers;
 * security asks through this, so the departments feature may use security's roles and rules.
 */
public interface DepartmentSubtrees {
  /** The department and every department below it. */
  Set<Long> subtreeIds(long departmentId);
}
