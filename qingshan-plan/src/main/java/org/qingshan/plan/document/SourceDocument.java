package org.qingshan.plan.document;

import java.util.List;

/**
 * The text of a plan file, cleaned but not interpreted. {@code hardWrapped} is true when lines are
 * layout lines rather than paragraphs (PDF text layers), so paragraphs must be rebuilt.
 */
public record SourceDocument(String fileName, List<SourceLine> lines, boolean hardWrapped) {

  public SourceDocument {
    lines = List.copyOf(lines);
  }
}
