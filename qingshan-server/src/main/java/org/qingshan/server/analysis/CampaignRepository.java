package org.qingshan.server.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns, with their progress counted from their cases, and the cases they hold. */
@Repository
public class CampaignRepository {
  private static final String COLUMNS =
      "g.id, g.name, g.goal, g.deadline, g.department_id, d.name AS department_name,"
          + " g.created_by, g.created_at,"
          + " (SELECT COUNT(*) FROM campaign_case x WHERE x.campaign_id = g.id) AS total,"
          + " (SELECT COUNT(*) FROM campaign_case x JOIN case_file c ON c.id = x.case_id"
          + "   WHERE x.campaign_id = g.id AND c.status IN ('CLOSED', 'REJECTED')) AS finished,"
          + " (SELECT COUNT(*) FROM campaign_case x JOIN case_file c ON c.id = x.case_id"
          + "   WHERE x.campaign_id = g.id AND c.status NOT IN ('CLOSED', 'REJECTED')"
          + "   AND (c.deadline < :now OR g.deadline < :today)) AS overdue";
  private static final String TABLES =
      "campaign g LEFT JOIN department d ON d.id = g.department_id";
  private final JdbcClient jdbc;

  CampaignRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Campaign> find(long id, OffsetDateTime now, LocalDate today) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM " + TABLES + " WHERE g.id = :id")
        .param("id", id)
        .param("now", now)
        .param("today", today)
        .query(CampaignRepository::map)
        .optional();
  }

  public PageResult<Campaign> search(
      Optional<String> text, OffsetDateTime now, LocalDate today, PageQuery page) {
    return new PagedSearch()
        .text(text, "g.name", "g.goal", "d.name")
        .condition("1 = 1", Map.of("now", now, "today", today))
        .page(jdbc, COLUMNS, TABLES, "g.deadline DESC, g.id DESC", CampaignRepository::map, page);
  }

  public boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single() > 0;
  }

  public long insert(CampaignForm f, String by, OffsetDateTime at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO campaign (name, goal, deadline, department_id, created_by, created_at,"
                + " updated_at) VALUES (:n, :g, :d, :dep, :by, :at, :at)")
        .param("n", f.name().trim())
        .param("g", f.goal() == null ? "" : f.goal().trim())
        .param("d", f.deadline())
        .param("dep", f.departmentId())
        .param("by", by)
        .param("at", at)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void update(long id, CampaignForm f, OffsetDateTime at) {
    jdbc.sql(
            "UPDATE campaign SET name = :n, goal = :g, deadline = :d, department_id = :dep,"
                + " updated_at = :at WHERE id = :id")
        .param("n", f.name().trim())
        .param("g", f.goal() == null ? "" : f.goal().trim())
        .param("d", f.deadline())
        .param("dep", f.departmentId())
        .param("at", at)
        .param("id", id)
        .update();
  }

  /** Adds the cases not in the campaign yet; returns how many were added. */
  public int addCases(long campaignId, Collection<Long> caseIds, String by, OffsetDateTime at) {
    List<Long> present =
        jdbc.sql("SELECT case_id FROM campaign_case WHERE campaign_id = :g")
            .param("g", campaignId)
            .query(Long.class)
            .list();
    int added = 0;
    for (Long id : caseIds) {
      if (!present.contains(id)) {
        jdbc.sql(
                "INSERT INTO campaign_case (campaign_id, case_id, added_by, added_at)"
                    + " VALUES (:g, :c, :by, :at)")
            .param("g", campaignId)
            .param("c", id)
            .param("by", by)
            .param("at", at)
            .update();
        added++;
      }
    }
    return added;
  }

  boolean removeCase(long campaignId, long caseId) {
    return jdbc.sql("DELETE FROM campaign_case WHERE campaign_id = :g AND case_id = :c")
            .param("g", campaignId)
            .param("c", caseId)
            .update()
        == 1;
  }

  /** The cases of a campaign, open ones first by deadline, with a text search. */
  public PageResult<CaseFact> cases(long campaignId, Optional<String> text, PageQuery page) {
    return new PagedSearch()
        .text(text, "c.case_no", "c.title", "e.name")
        .condition(
            "c.id IN (SELECT case_id FROM campaign_case WHERE campaign_id = :g)", "g", campaignId)
        .page(
            jdbc,
            AnalysisRepository.FACT_COLUMNS,
            AnalysisRepository.FACT_TABLES.replaceFirst("^ FROM ", ""),
            "CASE WHEN c.status IN ('CLOSED', 'REJECTED') THEN 1 ELSE 0 END, c.deadline, c.id",
            AnalysisRepository::fact,
            page);
  }

  /** Case ids by their numbers (2026-0012) or ids, for cases added by hand; unknown ones absent. */
  Map<String, Long> resolve(Collection<String> tokens) {
    Map<String, Long> found = new java.util.LinkedHashMap<>();
    for (String t : tokens) {
      Optional<Long> id =
          jdbc.sql("SELECT id FROM case_file WHERE case_no = :t")
              .param("t", t)
              .query(Long.class)
              .optional();
      if (id.isEmpty() && t.matches("\\d{1,18}")) {
        id =
            jdbc.sql("SELECT id FROM case_file WHERE id = :id")
                .param("id", Long.parseLong(t))
                .query(Long.class)
                .optional();
      }
      id.ifPresent(v -> found.put(t, v));
    }
    return found;
  }

  private static Campaign map(ResultSet rs, int n) throws SQLException {
    long dep = rs.getLong("department_id");
    Optional<Long> department = rs.wasNull() ? Optional.empty() : Optional.of(dep);
    return new Campaign(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("goal"),
        rs.getObject("deadline", LocalDate.class),
        department,
        Optional.ofNullable(rs.getString("department_name")),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getLong("total"),
        rs.getLong("finished"),
        rs.getLong("overdue"));
  }
}
