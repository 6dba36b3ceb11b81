package org.qingshan.server.registry;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 年许可排放量 per enterprise and pollutant. */
@Repository
public class PermitTotalRepository {
  private final JdbcClient jdbc;

  PermitTotalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<PermitTotal> ofEnterprise(long enterpriseId) {
    return jdbc.sql(
            "SELECT enterprise_id, pollutant, tonnes FROM permit_total WHERE enterprise_id = :e"
                + " ORDER BY pollutant")
        .param("e", enterpriseId)
        .query((rs, n) -> new PermitTotal(rs.getLong(1), rs.getString(2), rs.getDouble(3)))
        .list();
  }

  public List<PermitTotal> findAll() {
    return jdbc.sql("SELECT enterprise_id, pollutant, tonnes FROM permit_total ORDER BY 1, 2")
        .query((rs, n) -> new PermitTotal(rs.getLong(1), rs.getString(2), rs.getDouble(3)))
        .list();
  }

  /** Replaces the permitted totals of an enterprise. */
  public void replace(long enterpriseId, List<PermitTotal> totals) {
    jdbc.sql("DELETE FROM permit_total WHERE enterprise_id = :e").param("e", enterpriseId).update();
    for (PermitTotal t : totals) {
      jdbc.sql("INSERT INTO permit_total (enterprise_id, pollutant, tonnes) VALUES (:e, :p, :t)")
          .param("e", enterpriseId)
          .param("p", t.pollutant())
          .param("t", t.tonnes())
          .update();
    }
  }
}
