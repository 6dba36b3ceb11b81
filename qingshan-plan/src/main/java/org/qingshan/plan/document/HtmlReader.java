package org.qingshan.plan.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.qingshan.plan.common.ImportBudget;
import org.qingshan.plan.common.PlanTooLargeException;

/**
 * Reads a plan published as a web page: block elements become lines, table rows become
 * tab-separated lines (so an indicator table on the page is read as a table), scripts and styles
 * go. Page chrome around the plan is left to the layout reader, as for a text conversion.
 */
final class HtmlReader {

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "br",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "table",
          "tr",
          "section",
          "article",
          "header",
          "footer",
          "title",
          "blockquote",
          "pre",
          "center",
          "dt",
          "dd");

  private HtmlReader() {}

  static boolean looksLikeHtml(String text) {
    String start = text.stripLeading();
    String head = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html")
        || head.startsWith("<html")
        || head.startsWith("<?xml") && head.contains("<html");
  }

  static SourceDocument read(String fileName, String html, ImportBudget budget)
      throws PlanTooLargeException {
    // Markup takes room too: a page may be several times its text, not thousands of times.
    if (html.length() / 8 > budget.limits().maxCharacters()) {
      budget.characters(html.length() / 8);
    }
    Document document = Jsoup.parse(html);
    document.select("script, style, noscript, template").remove();
    superscripts(document);
    document.select("table").forEach(HtmlReader::spreadMergedCells);
    StringBuilder text = new StringBuilder();
    document
        .body()
        .traverse(
            new NodeVisitor() {
              @Override
              public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                  text.append(textNode.text().replace('\t', ' '));
                } else if (node instanceof Element element
                    && BLOCKS.contains(element.normalName())) {
                  newLine(text);
                }
              }

              @Override
              public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                  String name = element.normalName();
                  if (name.equals("td") || name.equals("th")) {
                    text.append('\t');
                  } else if (BLOCKS.contains(name)) {
                    newLine(text);
                  }
                }
              }
            });
    // Each cell ends with a tab; the one after the last cell goes, empty cells stay.
    return PlainTextReader.read(fileName, text.toString().replace("\t\n", "\n"), budget);
  }

  /** m<sup>3</sup> is written m³ (a sub- or superscript otherwise reads as the plain text). */
  private static void superscripts(Document document) {
    for (Element sup : document.select("sup")) {
      String text = sup.text().strip();
      if (text.equals("2") || text.equals("3")) {
        sup.replaceWith(new TextNode(text.equals("2") ? "²" : "³"));
      }
    }
  }

  /**
   * Gives every row of a table one cell per column: a cell spanning rows (类别 over its indicators)
   * or columns (指标值 over 2020年 and 2025年) leaves empty cells where it spans, as a text conversion
   * of the same table does, so columns keep their place under the header.
   */
  private static void spreadMergedCells(Element table) {
    Map<Integer, Integer> pending = new HashMap<>();
    for (Element row : table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr")) {
      int column = 0;
      List<Element> cells = new ArrayList<>(row.children());
      int index = 0;
      while (index < cells.size() || pending.containsKey(column)) {
        Integer left = pending.get(column);
        if (left != null) {
          Element filler = new Element("td");
          if (index < cells.size()) {
            cells.get(index).before(filler);
          } else {
            row.appendChild(filler);
          }
          if (left <= 1) {
            pending.remove(column);
          } else {
            pending.put(column, left - 1);
          }
          column++;
          continue;
        }
        Element cell = cells.get(index++);
        if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
          continue;
        }
        int rows = span(cell.attr("rowspan"));
        int columns = span(cell.attr("colspan"));
        for (int c = 0; c < columns; c++) {
          if (c > 0) {
            cell.after(new Element("td"));
          }
          if (rows > 1) {
            pending.put(column + c, rows - 1);
          }
        }
        column += columns;
      }
    }
  }

  private static int span(String attribute) {
    try {
      int value = Integer.parseInt(attribute.strip());
      return value < 1 ? 1 : Math.min(value, 100);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void newLine(StringBuilder text) {
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
  }
}
