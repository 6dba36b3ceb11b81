package org.qingshan.plan.document;

import java.util.Locale;
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

  private static void newLine(StringBuilder text) {
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
  }
}
