package org.qingshan.server.plandispatch;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures assigned to dated targets by a higher level (dispatch_assigned_target). */
@Repository
class AssignedTargetRepository {
  private final JdbcClient jdbc;

  AssignedTargetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Enters or replaces the figure assigned to a task's target at {@code position}. */
  void put(long taskId, int position, AssignedFigure figure) {
    int updated =
        jdbc.sql(
                "UPDATE dispatch_assigned_target SET amount = :amount, comparator = :cmp, unit ="
                    + " :unit, source = :source, assigned_by = :by, assigned_at = :at WHERE"
                    + " task_id = :t AND target_position = :pos")
            .params(params(taskId, position, figure))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO dispatch_assigned_target (task_id, target_position, amount,"
                  + " comparator, unit, source, assigned_by, assigned_at) VALUES (:t, :pos,"
                  + " :amount, :cmp, :unit, :source, :by, :at)")
          .params(params(taskId, position, figure))
          .update();
    }
  }

  private static Map<String, Object> params(long taskId, int position, AssignedFigure figure) {
    Map<String, Object> p = new HashMap<>();
    p.put("t", taskId);
    p.put("pos", position);
    p.put("amount", figure.value());
    p.put("cmp", figure.comparator());
    p.put("unit", figure.unit().orElse(null));
    p.put("source", figure.source());
    p.put("by", figure.enteredBy());
    p.put("at", figure.enteredAt());
    return p;
  }
}
