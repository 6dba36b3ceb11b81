package org.qingshan.server.security;

import java.util.Optional;

/**
 * A record that belongs to a department, and so is seen only by users whose data scope covers it
 * (see {@link CurrentUser#visible} and {@link CurrentUser#requireVisible}). A record without a
 * department is seen by the users who see every department.
 */
public interface DepartmentOwned {
  Optional<Long> owningDepartment();
}
