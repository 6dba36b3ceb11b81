package org.qingshan.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes a list as an .xlsx sheet. Streaming (SXSSF) keeps memory flat when a bureau exports a year
 * of records.
 */
@Component
public class ExcelExport {
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final TimeFormat times;

  ExcelExport(TimeFormat times) {
    this.times = times;
  }

  public void write(
      HttpServletResponse response, String title, List<String> headers, List<List<?>> rows)
      throws IOException {
    String fileName = fileName(title);
    response.setContentType(XLSX);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    write(response.getOutputStream(), title, headers, rows);
  }

  /** The title and the county's date: a file exported at 07:00 in Beijing carries that day. */
  String fileName(String title) {
    return title.replaceAll("[\\\\/:*?\"<>|]", "_") + "-" + times.today() + ".xlsx";
  }

  public void write(OutputStream out, String title, List<String> headers, List<List<?>> rows)
      throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet =
          workbook.createSheet(
              WorkbookUtil.createSafeSheetName(title.isBlank() ? "export" : title));
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row head = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        head.createCell(c).setCellValue(headers.get(c));
        head.getCell(c).setCellStyle(bold);
        sheet.setColumnWidth(c, 20 * 256);
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<?> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value instanceof Number number) {
            row.createCell(c).setCellValue(number.doubleValue());
          } else if (value instanceof OffsetDateTime || value instanceof Instant) {
            row.createCell(c).setCellValue(times.seconds(value));
          } else {
            row.createCell(c).setCellValue(value == null ? "" : value.toString());
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
  }
}
