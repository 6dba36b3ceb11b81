package org.qingshan.server.contact;

import java.util.Optional;
import org.qingshan.server.security.DepartmentOwned;

/** A liaison of a department: the person a dispatcher calls about that department's tasks. */
public record DepartmentContact(
    long id,
    long departmentId,
    String name,
    Optional<String> position,
    String phone,
    Optional<String> duty)
    implements DepartmentOwned {

  @Override
  public Optional<Long> owningDepartment() {
    return Optional.of(departmentId);
  }
}
