package org.qingshan.server.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The text of an exported workbook, a line per row and cells joined by tabs, for assertions. */
public final class Sheets {
  private Sheets() {}

  public static String text(byte[] xlsx) {
    StringBuilder out = new StringBuilder();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            out.append(
                    switch (cell.getCellType()) {
                      case NUMERIC -> format(cell.getNumericCellValue());
                      default -> cell.toString();
                    })
                .append('\t');
          }
          out.append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
