package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * The Guanxian indicator table (shared plans) rewritten into every text layout of issue 16 and read
 * back: 19 of 19 rows each time, and the tasks around it unchanged. The table is taken from the
 * shared file at run time, so nothing of the real plan is copied into the repository.
 */
class TableLayoutsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One row of the table: the group rows have one cell, the indicator rows four. */
  private record Row(boolean group, List<String> cells) {}

  @Test
  void theGuanxianTableIsReadInEveryLayout() throws Exception {
    String text =
        Files.readString(SharedPlans.plan("guanxian-2021-2025.txt"), StandardCharsets.UTF_8);
    JsonNode gold = JSON.readTree(SharedPlans.plan("guanxian-2021-2025.gold.json").toFile());
    List<String> expected = PlanScore.goldRows(gold, GoldAnnotationTest::withoutLeftovers);
    String[] lines = text.split("\n", -1);
    int header = indexOf(lines, "指标\t2020年");
    int end = header + 1;
    while (lines[end].contains("\t")) {
      end++;
    }
    List<Row> rows = new ArrayList<>();
    for (int i = header + 1; i < end; i++) {
      List<String> cells = List.of(lines[i].split("\t", -1));
      boolean group = cells.stream().skip(1).allMatch(String::isBlank);
      rows.add(new Row(group, group ? List.of(cells.get(0)) : cells));
    }
    assertThat(rows.stream().filter(r -> !r.group())).hasSize(19);
    String before = String.join("\n", List.of(lines).subList(0, header));
    String after = String.join("\n", List.of(lines).subList(end, lines.length));
    Function<String, String> plan = table -> before + "\n" + table + "\n" + after;

    List<Object[]> layouts = new ArrayList<>();
    layouts.add(
        new Object[] {
          "one cell per line, led by a tab, blank line between rows", plan.apply(tabLed(rows))
        });
    layouts.add(
        new Object[] {
          "tab rows, header over two rows (基期值/目标值, then the years)", plan.apply(twoLineTabs(rows))
        });
    layouts.add(
        new Object[] {
          "space-aligned columns, group rows on lines of their own", plan.apply(spaceAligned(rows))
        });
    layouts.add(new Object[] {"pipe rows of a web page, 性质 column", plan.apply(pipes(rows))});
    for (Object[] layout : layouts) {
      Plan imported =
          new PlanImporter()
              .importBytes("plan.txt", ((String) layout[1]).getBytes(StandardCharsets.UTF_8));
      report((String) layout[0], expected, imported);
    }
    report(
        "HTML table, 类别 column spanning rows",
        expected,
        new PlanImporter()
            .importBytes("plan.html", html(before, rows, after).getBytes(StandardCharsets.UTF_8)));
    report(
        "Word table, header over two rows, 类别 written once per group",
        expected,
        new PlanImporter().importBytes("plan.docx", word(before, rows, after)));
    report(
        "PDF text layer, header over two lines",
        expected,
        new PlanImporter().importBytes("plan.pdf", pdf(before, rows, after)));
  }

  private static void report(String layout, List<String> expected, Plan plan) {
    List<String> actual = PlanScore.rows(plan);
    System.out.printf(
        "[layout] %s: indicators %d of %d, %d tasks%n",
        layout, PlanScore.rowsRight(expected, actual), expected.size(), plan.tasks().size());
    assertThat(plan.indicatorTableMissing()).as(layout).isFalse();
    assertThat(actual).as(layout).containsExactlyElementsOf(expected);
    // The table's lines are not read as tasks (113 in the plan as shared).
    assertThat(plan.tasks()).as(layout).hasSize(113);
  }

  private static int indexOf(String[] lines, String start) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(start)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + start);
  }

  private static String tabLed(List<Row> rows) {
    StringBuilder table = new StringBuilder("\t指标\n\t2020年\n\t2025年\n\t指标属性\n\n");
    for (Row row : rows) {
      row.cells().forEach(c -> table.append('\t').append(c).append('\n'));
      table.append('\n');
    }
    return table.toString();
  }

  private static String twoLineTabs(List<Row> rows) {
    StringBuilder table = new StringBuilder("指标\t基期值\t目标值\t指标属性\n\t2020年\t2025年\t\n");
    for (Row row : rows) {
      table.append(row.group() ? row.cells().get(0) + "\t\t\t" : String.join("\t", row.cells()));
      table.append('\n');
    }
    return table.toString();
  }

  private static String spaceAligned(List<Row> rows) {
    StringBuilder table = new StringBuilder("指  标        2020年      2025年      指标属性\n");
    for (Row row : rows) {
      table.append(String.join("      ", row.cells())).append('\n');
    }
    return table.toString();
  }

  private static String pipes(List<Row> rows) {
    StringBuilder table =
        new StringBuilder("| 指标 | 2020年 | 2025年 | 性质 |\n| --- | --- | --- | --- |\n");
    for (Row row : rows) {
      List<String> cells = row.group() ? List.of(row.cells().get(0), "", "", "") : row.cells();
      table.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    return table.toString();
  }

  /** 类别 | 指标 | 2020年 | 2025年 | 属性, each group's name in one cell spanning its rows. */
  private static String html(String before, List<Row> rows, String after) {
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    paragraphs(html, before);
    html.append("<table><tr><th>类别</th><th>指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.group()) {
        continue;
      }
      html.append("<tr>");
      if (i > 0 && rows.get(i - 1).group()) {
        int span = 0;
        for (int j = i; j < rows.size() && !rows.get(j).group(); j++) {
          span++;
        }
        html.append("<td rowspan=\"")
            .append(span)
            .append("\">")
            .append(groupName(rows.get(i - 1)))
            .append("</td>");
      }
      row.cells().forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
      html.append("</tr>");
    }
    html.append("</table>");
    paragraphs(html, after);
    return html.append("</body></html>").toString();
  }

  private static String groupName(Row group) {
    return group.cells().get(0).replaceFirst("^\\([一二三四五六七八九十]+\\)\\s*", "");
  }

  private static void paragraphs(StringBuilder html, String text) {
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        html.append("<p>").append(escape(line.replace('\t', ' '))).append("</p>\n");
      }
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * 类别 | 指标 | 基期值 | 目标值 | 属性 over 类别 | 指标 | 2020年 | 2025年 | 属性; category in a group's first row.
   */
  private static byte[] word(String before, List<Row> rows, String after) throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : before.split("\n")) {
        if (!line.isBlank()) {
          document.createParagraph().createRun().setText(line.replace('\t', ' '));
        }
      }
      List<String[]> table = new ArrayList<>();
      table.add(new String[] {"类别", "指标", "基期值", "目标值", "属性"});
      table.add(new String[] {"", "", "2020年", "2025年", ""});
      String category = null;
      for (Row row : rows) {
        if (row.group()) {
          category = groupName(row);
          continue;
        }
        List<String> cells = new ArrayList<>();
        cells.add(category == null ? "" : category);
        category = null;
        cells.addAll(row.cells());
        table.add(cells.toArray(String[]::new));
      }
      XWPFTable t = document.createTable(table.size(), 5);
      for (int r = 0; r < table.size(); r++) {
        for (int c = 0; c < 5; c++) {
          t.getRow(r).getCell(c).setText(table.get(r)[c]);
        }
      }
      for (String line : after.split("\n")) {
        if (!line.isBlank()) {
          document.createParagraph().createRun().setText(line.replace('\t', ' '));
        }
      }
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pdf(String before, List<Row> rows, String after) throws IOException {
    List<String> paragraphs = new ArrayList<>();
    for (String line : (before + "\n").split("\n")) {
      if (!line.isBlank()) {
        paragraphs.add(line.replace('\t', ' ').strip());
      }
    }
    paragraphs.add("指标 基期值 目标值 属性");
    paragraphs.add("2020年 2025年");
    for (Row row : rows) {
      paragraphs.add(String.join(" ", row.cells()).strip());
    }
    for (String line : after.split("\n")) {
      if (!line.isBlank()) {
        paragraphs.add(line.replace('\t', ' ').strip());
      }
    }
    return TestPdf.write(TestPdf.layout(paragraphs, 36, 45));
  }
}
