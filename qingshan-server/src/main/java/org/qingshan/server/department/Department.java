package org.qingshan.server.department;

import java.util.Optional;

/** A unit of the county: the government, a bureau, a department, a town or street, a village. */
public record Department(
    long id,
    Optional<Long> parentId,
    String name,
    DepartmentKind kind,
    int sortOrder,
    Optional<Long> mergedInto) {

  public boolean isMerged() {
    return mergedInto.isPresent();
  }
}
