package org.qingshan.server.web;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Bundle texts for code that writes them outside a template (exports, printed start-up lines). */
@Component
public class Messages {
  private final MessageSource source;

  Messages(MessageSource source) {
    this.source = source;
  }

  public String get(String key, Object... args) {
    return source.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  /** The text of a key, or {@code fallback} where the bundle has none (factor codes, say). */
  public String getOrElse(String key, String fallback) {
    return source.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
  }

  public List<String> all(String... keys) {
    return Arrays.stream(keys).map(k -> get(k)).toList();
  }

  public String label(Enum<?> value) {
    return get(value.getDeclaringClass().getSimpleName() + "." + value.name());
  }
}
