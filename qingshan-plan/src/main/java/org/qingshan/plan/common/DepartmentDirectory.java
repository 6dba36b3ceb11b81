package org.qingshan.plan.common;

import java.util.Optional;

/**
 * Resolves a unit name as written in a plan (e.g. 县住建局) to a department id. The server owns the
 * alias table and implements this; the importer only asks.
 */
@FunctionalInterface
public interface DepartmentDirectory {

  Optional<String> resolve(String nameAsWritten);

  /**
   * A directory over an alias table ({@code alias → department id}): a name resolves to the
   * department whose alias is written the same (after {@code exact}, the table's own comparison),
   * or else to the one department whose alias has the same {@link DepartmentNameKey} for a plan of
   * {@code county}. A key two departments share resolves nothing (the planner decides).
   */
  static DepartmentDirectory ofAliases(
      java.util.Map<String, String> aliases,
      java.util.function.UnaryOperator<String> exact,
      Optional<String> county) {
    java.util.Map<String, String> byExact = new java.util.HashMap<>();
    java.util.Map<String, String> byKey = new java.util.HashMap<>();
    java.util.Set<String> ambiguous = new java.util.HashSet<>();
    aliases.forEach(
        (alias, id) -> {
          byExact.putIfAbsent(exact.apply(alias), id);
          String key = DepartmentNameKey.of(alias, county);
          String before = byKey.putIfAbsent(key, id);
          if (before != null && !before.equals(id)) {
            ambiguous.add(key);
          }
        });
    ambiguous.forEach(byKey::remove);
    return name -> {
      String id = byExact.get(exact.apply(name));
      return Optional.ofNullable(id != null ? id : byKey.get(DepartmentNameKey.of(name, county)));
    };
  }

  /** Resolves nothing: every name goes to review. Used when no alias table is available. */
  static DepartmentDirectory none() {
    return name -> Optional.empty();
  }
}
