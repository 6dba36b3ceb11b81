package org.qingshan.plan.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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
      Map<String, String> aliases, UnaryOperator<String> exact, Optional<String> county) {
    Map<String, String> byExact = new HashMap<>();
    Map<String, String> byKey = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
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
