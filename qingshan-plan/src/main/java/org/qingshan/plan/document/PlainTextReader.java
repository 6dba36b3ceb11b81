package org.qingshan.plan.document;

import java.util.ArrayList;
import java.util.List;

/** Reads a .txt plan (a conversion of a Word file, a PDF or a web page) line by line. */
final class PlainTextReader {

  private PlainTextReader() {}

  static SourceDocument read(String fileName, String text) {
    String[] raw = text.split("\r\n|\r|\n", -1);
    List<SourceLine> lines = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      String cleaned = TextCleaner.clean(raw[i]);
      lines.add(new SourceLine(i + 1, cleaned, cleaned.indexOf('\t') >= 0));
    }
    return new SourceDocument(fileName, lines, false);
  }
}
