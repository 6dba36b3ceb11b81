package org.qingshan.plan.document;

/**
 * One line of the source as the importer sees it, numbered from 1 as in the file. A row of a real
 * table is a line whose cells are separated by tabs, so text tables and Word tables read alike.
 */
public record SourceLine(int number, String text, boolean tableRow) {

  public boolean isBlank() {
    return text.isBlank();
  }
}
