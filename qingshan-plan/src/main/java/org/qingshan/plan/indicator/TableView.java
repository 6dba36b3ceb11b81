package org.qingshan.plan.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.qingshan.plan.document.SourceLine;

/**
 * The lines of a document as the indicator reader sees them: every text layout of a table row
 * becomes one tab-separated line, so one reader serves them all. Pipe rows of web pages and
 * Markdown ({@code | 指标 | 2020年 |}) and space-aligned columns (two or more spaces between cells)
 * become tab rows; a cell led by a tab on a line of its own ({@code \t53}) becomes a line holding
 * the cell (one cell per line); the separator row under a pipe header goes. Line numbers stay those
 * of the source. Only the shape of a line is judged here; whether it belongs to an indicator table
 * is decided by the header above it.
 */
final class TableView {

  private static final Pattern PIPE_ROW = Pattern.compile("^\\s*[|｜].*[|｜]\\s*$");
  private static final Pattern PIPE_SEPARATOR = Pattern.compile("^\\s*[|｜]?[\\s:：\\-—|｜+]+$");
  private static final Pattern ALIGNED_GAP = Pattern.compile("[ \\u00A0\\u3000]{2,}|\\u3000");
  private static final Pattern SENTENCE = Pattern.compile("[。；;！？]|[，,].*[，,]");

  private TableView() {}

  static List<SourceLine> of(List<SourceLine> lines) {
    List<SourceLine> view = new ArrayList<>(lines.size());
    for (SourceLine line : lines) {
      view.add(normalise(line));
    }
    return view;
  }

  /**
   * A header cell spread over its column by spaces ({@code 指 标}, {@code 属 性}) is one cell: single
   * characters next to each other are joined.
   */
  static List<String> spreadWordsJoined(String[] cells) {
    List<String> joined = new ArrayList<>(cells.length);
    for (String cell : cells) {
      int last = joined.size() - 1;
      if (last >= 0 && isSingleHan(cell) && endsWithSpreadHan(joined.get(last))) {
        joined.set(last, joined.get(last) + cell);
      } else {
        joined.add(cell);
      }
    }
    return joined;
  }

  private static boolean isSingleHan(String cell) {
    return cell.length() == 1
        && Character.UnicodeScript.of(cell.charAt(0)) == Character.UnicodeScript.HAN;
  }

  private static boolean endsWithSpreadHan(String cell) {
    return !cell.isEmpty()
        && cell.length() <= 4
        && cell.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  static SourceLine normalise(SourceLine line) {
    String text = line.text();
    if (text.isBlank()) {
      return line;
    }
    if (line.tableRow()) {
      List<String> cells = TableLayout.cells(text);
      if (cells.size() == 2 && cells.get(0).isEmpty()) {
        // One cell per line, each cell led by a tab.
        return new SourceLine(line.number(), cells.get(1), false);
      }
      return line;
    }
    if (text.indexOf('|') >= 0 || text.indexOf('｜') >= 0) {
      if (PIPE_ROW.matcher(text).matches()) {
        if (PIPE_SEPARATOR.matcher(text).matches()) {
          return new SourceLine(line.number(), "", false);
        }
        String inner = text.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = Arrays.stream(inner.split("[|｜]", -1)).map(String::strip).toList();
        return new SourceLine(line.number(), String.join("\t", cells), true);
      }
      return line;
    }
    String stripped = text.strip();
    if (stripped.length() <= 120 && !SENTENCE.matcher(stripped).find()) {
      List<String> cells = spreadWordsJoined(ALIGNED_GAP.split(stripped));
      if (cells.size() >= 3) {
        return new SourceLine(line.number(), String.join("\t", cells), true);
      }
    }
    return line;
  }
}
