package org.qingshan.server.department;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The active departments as a tree, read once per request from the flat table. */
public final class DepartmentTree {
  /** A department with its depth, in depth-first order for display as an indented list. */
  public record Node(Department department, int depth, String path) {}

  private final Map<Long, Department> byId = new HashMap<>();
  private final Map<Long, List<Department>> children = new HashMap<>();
  private final List<Department> roots = new ArrayList<>();

  public DepartmentTree(List<Department> departments) {
    departments.forEach(d -> byId.put(d.id(), d));
    Comparator<Department> order =
        Comparator.comparingInt(Department::sortOrder).thenComparingLong(Department::id);
    for (Department d : departments) {
      Optional<Long> parent = d.parentId().filter(byId::containsKey);
      if (parent.isPresent()) {
        children.computeIfAbsent(parent.get(), k -> new ArrayList<>()).add(d);
      } else {
        roots.add(d);
      }
    }
    roots.sort(order);
    children.values().forEach(list -> list.sort(order));
  }

  public Optional<Department> find(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    roots.forEach(r -> walk(r, 0, "", out));
    return out;
  }

  private void walk(Department d, int depth, String prefix, List<Node> out) {
    String path = prefix.isEmpty() ? d.name() : prefix + " / " + d.name();
    out.add(new Node(d, depth, path));
    children.getOrDefault(d.id(), List.of()).forEach(c -> walk(c, depth + 1, path, out));
  }

  /** The department and everything below it. */
  public Set<Long> subtreeIds(long id) {
    Set<Long> ids = new LinkedHashSet<>();
    if (byId.containsKey(id)) {
      collect(id, ids);
    }
    return ids;
  }

  private void collect(long id, Set<Long> ids) {
    if (ids.add(id)) {
      children.getOrDefault(id, List.of()).forEach(c -> collect(c.id(), ids));
    }
  }

  /** The full path of a department's name from the root, as shown in lists. */
  public String pathOf(long id) {
    List<String> names = new ArrayList<>();
    Department d = byId.get(id);
    Set<Long> seen = new LinkedHashSet<>();
    while (d != null && seen.add(d.id())) {
      names.add(0, d.name());
      d = d.parentId().map(byId::get).orElse(null);
    }
    return String.join(" / ", names);
  }
}
