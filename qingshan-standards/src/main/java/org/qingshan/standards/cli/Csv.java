package org.qingshan.standards.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Minimal RFC 4180 line splitting and quoting; the batch commands read one record per line. */
final class Csv {
  private Csv() {}

  /** Cells of one line, or empty when a quoted cell is not closed. */
  static Optional<List<String>> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    cells.add(cell.toString());
    return Optional.of(cells);
  }

  static String quote(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  static String join(List<String> cells) {
    return String.join(",", cells.stream().map(Csv::quote).toList());
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
