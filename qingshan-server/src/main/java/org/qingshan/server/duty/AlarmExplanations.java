package org.qingshan.server.duty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Enterprises' explanations of their alarms, with their files: written in the portal, read by the
 * bureau on the alarm's page. Raw writes: the portal's service audits them.
 */
@Repository
public class AlarmExplanations {
  private final JdbcClient jdbc;

  AlarmExplanations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A file as stored, without its content. */
  public record FileInfo(long id, String fileName, String contentType, long sizeBytes) {}

  /** A file to store. */
  public record NewFile(String fileName, String contentType, byte[] content) {}

  public record Explanation(
      long id,
      long alarmId,
      String text,
      String writtenBy,
      OffsetDateTime writtenAt,
      List<FileInfo> files) {
    public Explanation {
      files = List.copyOf(files);
    }
  }

  /** A stored file with its bytes, for download. */
  public record StoredFile(
      long id, long alarmId, String fileName, String contentType, byte[] content) {}

  public long add(
      long alarmId, String text, String writtenBy, OffsetDateTime at, List<NewFile> files) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO alarm_explanation (alarm_id, text, written_by, written_at)"
                + " VALUES (:alarm, :text, :by, :at)")
        .param("alarm", alarmId)
        .param("text", text)
        .param("by", writtenBy)
        .param("at", at)
        .update(key, "id");
    long id = key.getKey().longValue();
    for (NewFile f : files) {
      jdbc.sql(
              "INSERT INTO alarm_explanation_file (explanation_id, file_name, content_type,"
                  + " size_bytes, content) VALUES (:e, :name, :type, :size, :content)")
          .param("e", id)
          .param("name", f.fileName())
          .param("type", f.contentType())
          .param("size", (long) f.content().length)
          .param("content", f.content())
          .update();
    }
    return id;
  }

  /** An alarm's explanations, oldest first. */
  public List<Explanation> of(long alarmId) {
    Map<Long, List<FileInfo>> files = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT f.id, f.explanation_id, f.file_name, f.content_type, f.size_bytes"
                + " FROM alarm_explanation_file f JOIN alarm_explanation x"
                + " ON x.id = f.explanation_id WHERE x.alarm_id = :a ORDER BY f.id")
        .param("a", alarmId)
        .query(
            rs -> {
              files
                  .computeIfAbsent(rs.getLong("explanation_id"), k -> new ArrayList<>())
                  .add(
                      new FileInfo(
                          rs.getLong("id"),
                          rs.getString("file_name"),
                          rs.getString("content_type"),
                          rs.getLong("size_bytes")));
            });
    return jdbc.sql("SELECT * FROM alarm_explanation WHERE alarm_id = :a ORDER BY written_at, id")
        .param("a", alarmId)
        .query(
            (rs, i) ->
                new Explanation(
                    rs.getLong("id"),
                    rs.getLong("alarm_id"),
                    rs.getString("text"),
                    rs.getString("written_by"),
                    rs.getObject("written_at", OffsetDateTime.class),
                    files.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  public Optional<StoredFile> file(long fileId) {
    return jdbc.sql(
            "SELECT f.id, x.alarm_id, f.file_name, f.content_type, f.content"
                + " FROM alarm_explanation_file f JOIN alarm_explanation x"
                + " ON x.id = f.explanation_id WHERE f.id = :id")
        .param("id", fileId)
        .query(
            (rs, i) ->
                new StoredFile(
                    rs.getLong("id"),
                    rs.getLong("alarm_id"),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional();
  }
}
