package org.qingshan.standards.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads a CSV with a header and hands each data row, with its line number, to a consumer. */
final class CsvTable {
  interface RowHandler {
    void row(Row row) throws RowError;
  }

  /** One data row; cells are addressed by header name. */
  static final class Row {
    private final int line;
    private final Map<String, String> cells;

    Row(int line, Map<String, String> cells) {
      this.line = line;
      this.cells = cells;
    }

    int line() {
      return line;
    }

    String text(String field) {
      return cells.getOrDefault(field, "").trim();
    }

    /** A non-negative number; empty cell (or NA) = missing. */
    Optional<BigDecimal> number(String field) throws RowError {
      String v = text(field);
      if (v.isEmpty() || v.equalsIgnoreCase("NA")) {
        return Optional.empty();
      }
      BigDecimal d;
      try {
        d = new BigDecimal(v);
      } catch (NumberFormatException e) {
        throw error(field, "'" + v + "' is not a number");
      }
      if (d.signum() < 0) {
        throw error(field, "'" + v + "' is negative");
      }
      return Optional.of(d);
    }

    /** The calendar date at the start of a time such as 2026-03-01, 2026-03-01 13:00. */
    LocalDate date(String field) throws RowError {
      String v = text(field);
      try {
        if (v.length() < 10) {
          throw new DateTimeParseException("short", v, 0);
        }
        if (v.length() > 10 && v.charAt(10) != ' ' && v.charAt(10) != 'T') {
          throw new DateTimeParseException("separator", v, 10);
        }
        return LocalDate.parse(v.substring(0, 10));
      } catch (DateTimeParseException e) {
        throw error(field, "'" + v + "' is not a time like 2026-03-01 or 2026-03-01 13:00");
      }
    }

    RowError error(String field, String what) {
      return new RowError("line " + line + ": field " + field + ": " + what);
    }
  }

  private CsvTable() {}

  /**
   * Reads the header and rows. Returns false if any row was bad (already reported on err).
   *
   * @throws RowError when the input has no usable header (nothing can be computed)
   */
  static boolean read(
      InputStream in,
      Predicate<String> knownColumn,
      List<String> requiredColumns,
      PrintStream err,
      RowHandler handler)
      throws IOException, RowError {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String headerLine = reader.readLine();
    if (headerLine == null) {
      throw new RowError("line 1: empty input, expected a header row");
    }
    List<String> header =
        Csv.split(Csv.stripBom(headerLine))
            .orElseThrow(() -> new RowError("line 1: unclosed quote in header"))
            .stream()
            .map(String::trim)
            .toList();
    for (String column : header) {
      if (!knownColumn.test(column)) {
        throw new RowError("line 1: field " + column + ": unknown column");
      }
    }
    for (String column : requiredColumns) {
      if (!header.contains(column)) {
        throw new RowError("line 1: field " + column + ": column missing from header");
      }
    }
    if (header.stream().distinct().count() != header.size()) {
      throw new RowError("line 1: a column appears twice in the header");
    }
    boolean allGood = true;
    String line;
    int number = 1;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        Optional<List<String>> cells = Csv.split(line);
        if (cells.isEmpty()) {
          throw new RowError("line " + number + ": unclosed quote");
        }
        if (cells.get().size() != header.size()) {
          throw new RowError(
              "line "
                  + number
                  + ": "
                  + cells.get().size()
                  + " fields, the header has "
                  + header.size());
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          byName.put(header.get(i), cells.get().get(i));
        }
        handler.row(new Row(number, byName));
      } catch (RowError e) {
        err.println(e.getMessage());
        allGood = false;
      } catch (RuntimeException e) {
        // A rule that cannot handle the value must not end the batch with a stack trace.
        err.println("line " + number + ": cannot evaluate: " + e.getMessage());
        allGood = false;
      }
    }
    return allGood;
  }
}
