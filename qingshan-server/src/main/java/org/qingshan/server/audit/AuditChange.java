package org.qingshan.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The before and after of an audit entry as a bureau user reads them: one row a field, by its name,
 * with the fields that changed marked. Stored states are JSON objects; anything else is one row.
 */
public record AuditChange(List<Row> rows) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One field: its name, the value before and after ("" where absent), and whether it changed. */
  public record Row(String field, String before, String after, boolean changed) {}

  public AuditChange {
    rows = List.copyOf(rows);
  }

  static AuditChange of(Optional<String> before, Optional<String> after, AuditVocabulary words) {
    Optional<JsonNode> b = before.map(AuditChange::parse);
    Optional<JsonNode> a = after.map(AuditChange::parse);
    Set<String> fields = new LinkedHashSet<>();
    b.ifPresent(n -> fields.addAll(names(n)));
    a.ifPresent(n -> fields.addAll(names(n)));
    List<Row> rows = new ArrayList<>();
    for (String f : fields) {
      String was = b.map(n -> text(n.get(f), words)).orElse("");
      String is = a.map(n -> text(n.get(f), words)).orElse("");
      rows.add(new Row(words.field(f), was, is, b.isPresent() && a.isPresent() && !was.equals(is)));
    }
    return new AuditChange(rows);
  }

  /** The change in one line for a spreadsheet cell: 名称：旧 → 新；… (changed fields only, if any). */
  String summary(boolean after) {
    List<String> parts = new ArrayList<>();
    boolean anyChanged = rows.stream().anyMatch(Row::changed);
    for (Row r : rows) {
      if (!anyChanged || r.changed()) {
        String value = after ? r.after() : r.before();
        if (!value.isEmpty()) {
          parts.add(r.field() + "：" + value);
        }
      }
    }
    return String.join("；", parts);
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node.isObject() ? node : JSON.createObjectNode().set("value", node);
    } catch (JsonProcessingException e) {
      // A state cut at the stored limit is no longer JSON: shown as it is.
      return JSON.createObjectNode().put("value", json);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  private static String text(JsonNode value, AuditVocabulary words) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isBoolean()) {
      return words.yesNo(value.booleanValue());
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(text(v, words)));
      return String.join("、", items);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
