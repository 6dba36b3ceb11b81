package org.qingshan.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingshan.server.web.PageQuery;
import org.qingshan.server.web.PageResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The record of every change. Called inside the transaction of the change it records, so that a
 * change and its audit entry are stored together or not at all.
 */
@Service
public class AuditLog {
  /** The actor of changes made by the system itself (start-up, demo data, migrations). */
  public static final String SYSTEM = "system";

  private final AuditRepository repository;
  private final ObjectMapper json;
  private final AuditVocabulary vocabulary;

  AuditLog(AuditRepository repository, ObjectMapper json, AuditVocabulary vocabulary) {
    this.repository = repository;
    this.vocabulary = vocabulary;
    this.json = json.copy().findAndRegisterModules();
  }

  /** Records a change made by the current user. {@code before}/{@code after} are any objects. */
  public void record(
      AuditAction action,
      String entityType,
      Object entityId,
      String summary,
      Optional<?> before,
      Optional<?> after) {
    recordAs(currentActor(), action, entityType, entityId, summary, before, after);
  }

  public void recordAs(
      String actor,
      AuditAction action,
      String entityType,
      Object entityId,
      String summary,
      Optional<?> before,
      Optional<?> after) {
    insert(actor, action, entityType, entityId, summary, before, after, currentRemoteAddr());
  }

  /**
   * Records what the system saw outside a web request, such as a gateway security alert, with the
   * address it came from.
   */
  public void recordFromAddress(
      String remoteAddr,
      AuditAction action,
      String entityType,
      Object entityId,
      String summary,
      Optional<?> after) {
    insert(
        SYSTEM,
        action,
        entityType,
        entityId,
        summary,
        Optional.empty(),
        after,
        truncate(remoteAddr, 64));
  }

  /**
   * Records the first of a run of repeated events (failed logins of one name at one address) and
   * returns the row's id, for {@link #updateRepeated} to keep the run in one row.
   */
  public long recordRepeated(
      String actor, AuditAction action, String entityType, String summary, Object state) {
    return insert(
        actor,
        action,
        entityType,
        null,
        summary,
        Optional.empty(),
        Optional.of(state),
        currentRemoteAddr());
  }

  /** Brings the row of a run of repeated events up to date: its count, its latest time. */
  public void updateRepeated(long id, String summary, Object state) {
    repository.update(id, truncate(summary, 500), toJson(state));
  }

  private long insert(
      String actor,
      AuditAction action,
      String entityType,
      Object entityId,
      String summary,
      Optional<?> before,
      Optional<?> after,
      String remoteAddr) {
    return repository.insert(
        truncate(actor, 64),
        action,
        entityType,
        entityId == null ? null : entityId.toString(),
        truncate(summary, 500),
        before.map(this::toJson).orElse(null),
        after.map(this::toJson).orElse(null),
        remoteAddr);
  }

  /**
   * Records a list taken out as a spreadsheet: who took how many rows of what, with which search.
   * Lists of people carry phone numbers, so every export is on the record.
   */
  public void recordExport(String entityType, String title, Optional<String> query, int rows) {
    Map<String, Object> what = new LinkedHashMap<>();
    query.ifPresent(q -> what.put("query", q));
    what.put("rows", rows);
    record(AuditAction.EXPORT, entityType, null, title, Optional.empty(), Optional.of(what));
  }

  /** The entries found; a text also finds the entries whose object or action is named so. */
  public PageResult<AuditEntry> search(AuditSearch search, PageQuery page) {
    Map<String, List<String>> named =
        search
            .text()
            .map(
                t ->
                    Map.of(
                        "entity_type", vocabulary.entitiesMatching(t),
                        "action", vocabulary.actionsMatching(t)))
            .orElse(Map.of());
    return repository.search(search, named, page);
  }

  /** An entry's before and after, field by field, in the bureau's words. */
  public AuditChange change(AuditEntry entry) {
    return AuditChange.of(entry.beforeState(), entry.afterState(), vocabulary);
  }

  private String toJson(Object state) {
    try {
      return truncate(json.writeValueAsString(state), 20000);
    } catch (JsonProcessingException e) {
      return truncate(String.valueOf(state), 20000);
    }
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
  }

  private static String currentRemoteAddr() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
