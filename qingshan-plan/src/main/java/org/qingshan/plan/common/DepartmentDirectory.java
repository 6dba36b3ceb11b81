package org.qingshan.plan.common;

import java.util.Optional;

/**
 * Resolves a unit name as written in a plan (e.g. 县住建局) to a department id. The server owns the
 * alias table and implements this; the importer only asks.
 */
@FunctionalInterface
public interface DepartmentDirectory {

  Optional<String> resolve(String nameAsWritten);

  /** Resolves nothing: every name goes to review. Used when no alias table is available. */
  static DepartmentDirectory none() {
    return name -> Optional.empty();
  }
}
