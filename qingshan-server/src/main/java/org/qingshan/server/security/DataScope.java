package org.qingshan.server.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which departments' records a user may read and change: all of them, or a department and the units
 * below it (the convention RuoYi users know as 数据权限).
 */
public record DataScope(boolean all, Set<Long> departmentIds) {
  public DataScope {
    departmentIds = Set.copyOf(departmentIds);
  }

  public static DataScope everything() {
    return new DataScope(true, Set.of());
  }

  public static DataScope only(Set<Long> departmentIds) {
    return new DataScope(false, departmentIds);
  }

  public boolean allows(long departmentId) {
    return all || departmentIds.contains(departmentId);
  }

  /** Whether a record that may have no department is in scope: without one, only for "all". */
  public boolean allows(Optional<Long> departmentId) {
    return all || departmentId.map(departmentIds::contains).orElse(false);
  }

  /** The department filter for a query: empty means no filter. */
  public Optional<Collection<Long>> filter() {
    return all ? Optional.empty() : Optional.of(departmentIds);
  }
}
