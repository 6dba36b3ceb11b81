package org.qingshan.server.alarm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.qingshan.server.web.Messages;
import org.qingshan.server.web.UserFacingException;

/**
 * The rules as an Excel sheet: the columns the export writes are the columns the import reads, so
 * an admin exports, edits and imports back. A row with an id updates that rule; without, adds one.
 */
final class RuleSheet {
  static final List<String> HEADER_KEYS =
      List.of(
          "alarm.rule.id",
          "alarm.rule.name",
          "alarm.rule.type",
          "alarm.rule.enterprise",
          "alarm.rule.outlet",
          "alarm.rule.device",
          "alarm.rule.factor",
          "alarm.rule.data-kind",
          "alarm.rule.threshold",
          "alarm.rule.count",
          "alarm.rule.severity",
          "alarm.rule.enabled");

  /** A row that could not be read, as the user sees it. */
  record RowError(int row, String reason) {}

  /** What an import read: the rules of the good rows, and the bad rows. */
  record Read(List<AlarmRule> rules, List<RowError> errors) {}

  private RuleSheet() {}

  static List<List<?>> rows(List<AlarmRule> rules, AlarmRuleService service) {
    List<List<?>> rows = new ArrayList<>();
    for (AlarmRule r : rules) {
      RuleForm f = service.formOf(r);
      rows.add(
          List.of(
              String.valueOf(r.id()),
              f.name(),
              f.type(),
              f.enterpriseId(),
              f.outletId(),
              f.deviceMn(),
              f.factor(),
              f.dataKind(),
              f.threshold(),
              f.countOrMinutes(),
              f.severity(),
              f.enabled() ? "是" : "否"));
    }
    return rows;
  }

  static Read read(InputStream in, AlarmRuleService service, Messages messages) throws IOException {
    List<AlarmRule> rules = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    DataFormatter text = new DataFormatter();
    try (Workbook book = WorkbookFactory.create(in)) {
      Sheet sheet = book.getSheetAt(0);
      Row head = sheet.getRow(0);
      List<String> expected = messages.all(HEADER_KEYS.toArray(String[]::new));
      for (int c = 0; c < expected.size(); c++) {
        String found = head == null ? "" : text.formatCellValue(head.getCell(c)).trim();
        if (!found.equals(expected.get(c))) {
          throw new UserFacingException("alarm.rule.import.columns", String.join("、", expected));
        }
      }
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        String[] v = new String[HEADER_KEYS.size()];
        boolean blank = true;
        for (int c = 0; c < v.length; c++) {
          v[c] = text.formatCellValue(row.getCell(c)).trim();
          blank &= v[c].isEmpty();
        }
        if (blank) {
          continue;
        }
        try {
          long id = v[0].isEmpty() ? 0 : Long.parseLong(v[0]);
          if (id > 0) {
            service.get(id);
          }
          RuleForm form =
              new RuleForm(
                  v[1],
                  v[2],
                  v[3],
                  v[4],
                  v[5],
                  v[6],
                  v[7],
                  v[8],
                  v[9],
                  v[10],
                  !v[11].equals("否"),
                  false);
          rules.add(service.check(id, form).rule());
        } catch (NumberFormatException e) {
          errors.add(new RowError(r + 1, messages.get("alarm.rule.error.id", v[0])));
        } catch (UserFacingException e) {
          errors.add(new RowError(r + 1, messages.get(e.messageKey(), e.arguments())));
        }
      }
    } catch (IOException
        | IllegalArgumentException e) { // not an Excel file: POI says so either way
      throw new UserFacingException("alarm.rule.import.not-excel");
    }
    return new Read(rules, errors);
  }
}
