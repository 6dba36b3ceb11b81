package org.qingshan.server.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.qingshan.server.db.PagedSearch;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The roster's rows and the hand-over notes. */
@Repository
public class RosterRepository {
  private static final String ENTRY =
      "SELECT r.duty_date, r.shift, r.username, COALESCE(u.display_name, r.username) AS name"
          + " FROM duty_roster r LEFT JOIN app_user u ON u.username = r.username";
  private static final String NOTE_COLUMNS =
      "h.id, h.duty_date, h.shift, h.text, h.written_by, COALESCE(u.display_name, h.written_by)"
          + " AS writer_name, h.written_at, h.acknowledged_by, h.acknowledged_at";
  private static final String NOTE_TABLES =
      "duty_handover h LEFT JOIN app_user u ON u.username = h.written_by";
  private final JdbcClient jdbc;

  RosterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The roster of the days from {@code from} to {@code to} inclusive. */
  public List<RosterEntry> between(LocalDate from, LocalDate to) {
    return jdbc.sql(
            ENTRY + " WHERE r.duty_date BETWEEN :f AND :t ORDER BY r.duty_date, r.shift, r.id")
        .param("f", from)
        .param("t", to)
        .query(RosterRepository::entry)
        .list();
  }

  public List<RosterEntry> of(LocalDate date, String shift) {
    return jdbc.sql(ENTRY + " WHERE r.duty_date = :d AND r.shift = :s ORDER BY r.id")
        .param("d", date)
        .param("s", shift)
        .query(RosterRepository::entry)
        .list();
  }

  public boolean anyRoster() {
    return jdbc.sql("SELECT COUNT(*) FROM duty_roster").query(Long.class).single() > 0;
  }

  public void replace(
      LocalDate date, String shift, Collection<String> usernames, String by, OffsetDateTime at) {
    jdbc.sql("DELETE FROM duty_roster WHERE duty_date = :d AND shift = :s")
        .param("d", date)
        .param("s", shift)
        .update();
    for (String u : usernames) {
      jdbc.sql(
              "INSERT INTO duty_roster (duty_date, shift, username, assigned_by, assigned_at)"
                  + " VALUES (:d, :s, :u, :by, :at)")
          .param("d", date)
          .param("s", shift)
          .param("u", u)
          .param("by", by)
          .param("at", at)
          .update();
    }
  }

  public long insertNote(LocalDate date, String shift, String text, String by, OffsetDateTime at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO duty_handover (duty_date, shift, text, written_by, written_at)"
                + " VALUES (:d, :s, :t, :by, :at)")
        .param("d", date)
        .param("s", shift)
        .param("t", text)
        .param("by", by)
        .param("at", at)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Marks a note acknowledged unless someone did already; false when someone did. */
  public boolean acknowledge(long id, String by, OffsetDateTime at) {
    return jdbc.sql(
                "UPDATE duty_handover SET acknowledged_by = :by, acknowledged_at = :at"
                    + " WHERE id = :id AND acknowledged_at IS NULL")
            .param("by", by)
            .param("at", at)
            .param("id", id)
            .update()
        == 1;
  }

  public Optional<HandoverNote> note(long id) {
    return jdbc.sql("SELECT " + NOTE_COLUMNS + " FROM " + NOTE_TABLES + " WHERE h.id = :id")
        .param("id", id)
        .query(RosterRepository::note)
        .optional();
  }

  /** The notes of one shift, oldest first. */
  public List<HandoverNote> notesOf(LocalDate date, String shift) {
    return jdbc.sql(
            "SELECT "
                + NOTE_COLUMNS
                + " FROM "
                + NOTE_TABLES
                + " WHERE h.duty_date = :d AND h.shift = :s ORDER BY h.written_at, h.id")
        .param("d", date)
        .param("s", shift)
        .query(RosterRepository::note)
        .list();
  }

  /** The notes written on the shifts of a day, oldest first. */
  public List<HandoverNote> notesOfDay(LocalDate date) {
    return jdbc.sql(
            "SELECT "
                + NOTE_COLUMNS
                + " FROM "
                + NOTE_TABLES
                + " WHERE h.duty_date = :d ORDER BY h.written_at, h.id")
        .param("d", date)
        .query(RosterRepository::note)
        .list();
  }

  public PageResult<HandoverNote> searchNotes(
      Optional<String> text, Optional<LocalDate> from, Optional<LocalDate> to, PageQuery page) {
    PagedSearch search = new PagedSearch().text(text, "h.text", "h.written_by", "u.display_name");
    from.ifPresent(f -> search.condition("h.duty_date >= :from", "from", f));
    to.ifPresent(t -> search.condition("h.duty_date <= :to", "to", t));
    return search.page(
        jdbc,
        NOTE_COLUMNS,
        NOTE_TABLES,
        "h.written_at DESC, h.id DESC",
        RosterRepository::note,
        page);
  }

  private static RosterEntry entry(ResultSet rs, int n) throws SQLException {
    return new RosterEntry(
        rs.getObject("duty_date", LocalDate.class),
        rs.getString("shift"),
        rs.getString("username"),
        rs.getString("name"));
  }

  private static HandoverNote note(ResultSet rs, int n) throws SQLException {
    return new HandoverNote(
        rs.getLong("id"),
        rs.getObject("duty_date", LocalDate.class),
        rs.getString("shift"),
        rs.getString("text"),
        rs.getString("written_by"),
        rs.getString("writer_name"),
        rs.getObject("written_at", OffsetDateTime.class),
        Optional.ofNullable(rs.getString("acknowledged_by")),
        Optional.ofNullable(rs.getObject("acknowledged_at", OffsetDateTime.class)));
  }
}
