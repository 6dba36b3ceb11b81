package org.qingshan.server.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The sections features contribute to a record page, ready for its template. */
@Component
public class PageSections {
  private final List<PageSection> sections;

  PageSections(List<PageSection> sections) {
    this.sections = sections.stream().sorted(Comparator.comparingInt(PageSection::order)).toList();
  }

  /** The sections of {@code page} with something to show for record {@code id}. */
  public List<Rendered> of(String page, long id) {
    return sections.stream()
        .filter(s -> s.page().equals(page))
        .flatMap(s -> s.model(id).map(m -> new Rendered(s.fragment(), m)).stream())
        .toList();
  }

  /** A section to render: its fragment and model. */
  public record Rendered(String fragment, Map<String, Object> model) {
    public Rendered {
      model = Map.copyOf(model);
    }
  }
}
