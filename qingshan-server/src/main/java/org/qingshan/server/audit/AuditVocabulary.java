package org.qingshan.server.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.qingshan.server.web.FeatureBundles;
import org.qingshan.server.web.Messages;
import org.springframework.stereotype.Component;

/**
 * The names a bureau user reads for what the audit log stores as codes: objects ({@code device} is
 * 设备) and actions. A search for 设备 thus finds the rows stored as {@code device}.
 */
@Component
public class AuditVocabulary {
  private static final String ENTITY_PREFIX = "audit.entity.";
  private static final String FIELD_PREFIX = "audit.field.";

  private final Messages messages;
  private final Map<String, String> entities;

  AuditVocabulary(Messages messages, FeatureBundles bundles) {
    this.messages = messages;
    this.entities = entityLabels(messages, bundles.keysStartingWith(ENTITY_PREFIX));
  }

  /** Every object type with its name, in the bundle's order of keys sorted by name. */
  public Map<String, String> entities() {
    return entities;
  }

  public String entity(String code) {
    return entities.getOrDefault(code, code);
  }

  /** A field of a recorded state, by name where the bundle has one. */
  public String field(String name) {
    return messages.getOrElse(FIELD_PREFIX + name, name);
  }

  String yesNo(boolean value) {
    return messages.get(value ? "audit.yes" : "audit.no");
  }

  /** The object types whose name or code contains the text. */
  List<String> entitiesMatching(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    List<String> codes = new ArrayList<>();
    entities.forEach(
        (code, label) -> {
          if (label.contains(text) || code.contains(t)) {
            codes.add(code);
          }
        });
    return codes;
  }

  /** The actions whose name contains the text. */
  List<String> actionsMatching(String text) {
    List<String> codes = new ArrayList<>();
    for (AuditAction a : AuditAction.values()) {
      if (messages.label(a).contains(text)) {
        codes.add(a.name());
      }
    }
    return codes;
  }

  private static Map<String, String> entityLabels(Messages messages, Set<String> keys) {
    Map<String, String> labels = new LinkedHashMap<>();
    keys.forEach(k -> labels.put(k.substring(ENTITY_PREFIX.length()), messages.get(k)));
    return Collections.unmodifiableMap(labels);
  }
}
