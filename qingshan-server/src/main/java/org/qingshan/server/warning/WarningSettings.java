package org.qingshan.server.warning;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.audit.AuditLog;
import org.qingshan.server.web.UserFacingException;
import org.qingshan.standards.warning.WarningThresholds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The heavy-pollution warning thresholds in force: the bureau's own tables when an admin saved
 * them, else the tables shipped with the standards module. The first table is the one applied.
 */
@Service
public class WarningSettings {
  static final String KEY = "warning-thresholds";
  private final JdbcClient jdbc;
  private final AuditLog audit;

  WarningSettings(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public String text() {
    return saved().orElseGet(WarningSettings::builtInText);
  }

  public boolean customised() {
    return saved().isPresent();
  }

  public List<WarningThresholds> tables() {
    return WarningThresholds.parse(text());
  }

  public WarningThresholds inForce() {
    return tables().get(0);
  }

  /** Saves an admin's tables after checking them; a table that does not parse changes nothing. */
  @Transactional
  public void save(String text) {
    List<WarningThresholds> parsed;
    try {
      parsed = WarningThresholds.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException("warning.error.parse", e.getMessage());
    }
    if (parsed.isEmpty()) {
      throw new UserFacingException("warning.error.empty");
    }
    String before = text();
    int updated =
        jdbc.sql("UPDATE app_setting SET setting_value = :v WHERE setting_key = :k")
            .param("v", text)
            .param("k", KEY)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO app_setting (setting_key, setting_value) VALUES (:k, :v)")
          .param("k", KEY)
          .param("v", text)
          .update();
    }
    audit.record(
        AuditAction.UPDATE,
        "warning-thresholds",
        parsed.get(0).id(),
        parsed.get(0).name(),
        Optional.of(Map.of("text", before)),
        Optional.of(Map.of("text", text)));
  }

  /** Back to the shipped tables. */
  @Transactional
  public void reset() {
    String before = text();
    jdbc.sql("DELETE FROM app_setting WHERE setting_key = :k").param("k", KEY).update();
    audit.record(
        AuditAction.DELETE,
        "warning-thresholds",
        KEY,
        "reset to built-in",
        Optional.of(Map.of("text", before)),
        Optional.empty());
  }

  private Optional<String> saved() {
    return jdbc.sql("SELECT setting_value FROM app_setting WHERE setting_key = :k")
        .param("k", KEY)
        .query(String.class)
        .optional();
  }

  private static String builtInText() {
    return WarningThresholds.builtIn().stream()
        .map(WarningThresholds::toText)
        .collect(Collectors.joining("\n"));
  }
}
