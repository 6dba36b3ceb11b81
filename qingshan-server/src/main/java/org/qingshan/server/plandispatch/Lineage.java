package org.qingshan.server.plandispatch;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which row a row was copied from when a version was revised (修订), followed back across a plan's
 * versions: rows of two versions are the same task, project or milestone when they share their
 * first ancestor.
 */
final class Lineage {
  static final Lineage NONE = new Lineage(Map.of());

  // a copy's origin is always an older row: the bound only guards against damaged data
  private static final int DEEPEST = 1000;

  private final Map<Long, Long> origins;

  private Lineage(Map<Long, Long> origins) {
    this.origins = Map.copyOf(origins);
  }

  /** The lineage of the (row, origin) pairs a query selects, its parameters bound by name. */
  static Lineage read(JdbcClient jdbc, String sql, Map<String, ?> params) {
    Map<Long, Long> origins = new HashMap<>();
    jdbc.sql(sql)
        .params(params)
        .query((RowCallbackHandler) rs -> origins.put(rs.getLong(1), rs.getLong(2)));
    return new Lineage(origins);
  }

  Lineage with(Lineage other) {
    Map<Long, Long> both = new HashMap<>(origins);
    both.putAll(other.origins);
    return new Lineage(both);
  }

  /** The first row {@code id} descends from (itself when it is no copy). */
  long root(long id) {
    long at = id;
    for (int i = 0; i < DEEPEST && origins.containsKey(at); i++) {
      at = origins.get(at);
    }
    return at;
  }

  boolean related(long a, long b) {
    return root(a) == root(b);
  }
}
