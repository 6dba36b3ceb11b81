package org.qingshan.standards.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 cells of one line and one line of cells, by Commons CSV. The batch commands read one
 * record per line, so that a broken line is reported alone and the others are still evaluated.
 */
final class Csv {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

  private Csv() {}

  /** Cells of one line, or empty when the line is not CSV (a quoted cell not closed). */
  static Optional<List<String>> split(String line) {
    try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      return records.size() == 1 ? Optional.of(records.get(0).toList()) : Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  static String join(List<String> cells) {
    return FORMAT.format(cells.toArray());
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
