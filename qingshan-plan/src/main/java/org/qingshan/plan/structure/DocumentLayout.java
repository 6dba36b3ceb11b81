package org.qingshan.plan.structure;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.document.SourceLine;

/**
 * Where the plan body is: after the notice, the title page and the table of contents, before the
 * footer (印发, 共印N份) or web-page chrome (扫码, 政策咨询). Indices are into the line list; the title
 * occupies {@code titleFrom..titleTo} (several lines when a long title was broken).
 */
public record DocumentLayout(int titleFrom, int titleTo, int bodyStart, int bodyEnd) {
  private static final Pattern TOC_LEADERS = Pattern.compile("([.·…]{3,}|\\t)\\s*\\d*\\s*$");
  private static final Pattern TOC_PAGE = Pattern.compile("\\D\\s*\\d{1,3}$");

  private static final Pattern TITLE_END =
      Pattern.compile("(规划|方案|计划|意见|纲要|要点|办法|规划纲要)([(（][^)）]*[)）])?$");

  /** A web page's breadcrumb (首页 > 政务公开 > 规划计划): chrome, not the title. */
  private static final Pattern BREADCRUMB = Pattern.compile("首页|当前位置|[>＞»›]");

  private static final Pattern NOTICE = Pattern.compile("(印发|转发).*(通知|的函)|^关于印发|文件$|号$");
  private static final Pattern YEARS_LINE =
      Pattern.compile("^[(]?\\s*\\d{4}\\s*[-—–~～至到－]+\\s*\\d{4}\\s*年?\\s*[)]?$");
  private static final Pattern DATE_WORDS = Pattern.compile("年.{1,3}月.{1,3}日");
  private static final Pattern TOC = Pattern.compile("^目\\s*(录|次)$");
  private static final Pattern FOOTER =
      Pattern.compile(
          "^(扫码|扫一扫|政策咨询|目录导读|打印本页|打印整页|关闭窗口|分享到|相关链接|相关文件|附件下载|抄送[:：]|【(打印|关闭|返回|收藏)|[(（]?共印\\d+份[)）]?$)");
  private static final Pattern ISSUED_ON =
      Pattern.compile("^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*印发$");

  public static DocumentLayout locate(List<SourceLine> lines) {
    int toc = find(lines, 0, lines.size(), TOC);
    int titleTo = toc >= 0 ? previousTitle(lines, toc) : firstTitle(lines);
    int titleFrom = titleTo;
    if (titleTo > 0) {
      SourceLine before = lines.get(titleTo - 1);
      if (!before.isBlank()
          && !LineShape.endsTerminal(before.text())
          && !NOTICE.matcher(before.text()).find()
          && before.text().length() <= 40
          && !before.text().matches(".*[0-9０-９].*")
          && !DATE_WORDS.matcher(before.text()).find()
          && !before.text().matches(".*(政府|委员会|局|办公室|厅|文件)$")
          // A web page's breadcrumb (首页 > 政务公开 > 规划计划) is chrome, not the title's first half.
          && !BREADCRUMB.matcher(before.text()).find()
          && Numbering.parse(before.text()).isEmpty()) {
        titleFrom = titleTo - 1;
      }
    }
    if (toc < 0) {
      toc = unlabelledToc(lines, titleTo + 1);
    }
    titleTo = withYearsLine(lines, titleTo);
    int bodyStart = toc >= 0 ? afterToc(lines, toc) : Math.max(0, titleTo + 1);
    int bodyEnd = footerStart(lines, bodyStart);
    return new DocumentLayout(titleFrom, titleTo, bodyStart, bodyEnd);
  }

  /** A title page often puts the years on a line of their own: （2021—2025年）. */
  private static int withYearsLine(List<SourceLine> lines, int titleTo) {
    if (titleTo < 0) {
      return titleTo;
    }
    for (int i = titleTo + 1; i < lines.size() && i <= titleTo + 3; i++) {
      String text = Fold.width(lines.get(i).text()).strip();
      if (text.isEmpty()) {
        continue;
      }
      return YEARS_LINE.matcher(text).matches() ? i : titleTo;
    }
    return titleTo;
  }

  public boolean hasTitle() {
    return titleTo >= 0;
  }

  private static int find(List<SourceLine> lines, int from, int to, Pattern pattern) {
    for (int i = from; i < to; i++) {
      if (pattern.matcher(lines.get(i).text().strip()).find()) {
        return i;
      }
    }
    return -1;
  }

  private static int previousTitle(List<SourceLine> lines, int toc) {
    for (int i = toc - 1; i >= 0; i--) {
      String text = lines.get(i).text();
      if (isTitle(text)) {
        return i;
      }
    }
    return firstTitle(lines);
  }

  private static int firstTitle(List<SourceLine> lines) {
    int limit = Math.min(lines.size(), 80);
    for (int i = 0; i < limit; i++) {
      String text = lines.get(i).text();
      if (Numbering.parse(text).isPresent() && i > 0) {
        break;
      }
      if (isTitle(text)) {
        return i;
      }
    }
    return -1;
  }

  static boolean isTitle(String text) {
    String stripped = text.strip();
    return stripped.length() >= 4
        && stripped.length() <= 80
        && TITLE_END.matcher(stripped).find()
        && !NOTICE.matcher(stripped).find()
        && !BREADCRUMB.matcher(stripped).find()
        && !stripped.startsWith("《");
  }

  /**
   * The body starts where the first entry of the contents appears again as a heading. Entries carry
   * page numbers, leaders or tabs, and conversions may truncate the heading, so entries are
   * compared by their number and the start of their title.
   */
  private static int afterToc(List<SourceLine> lines, int toc) {
    int first = toc + 1;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first >= lines.size()) {
      return lines.size();
    }
    Optional<Numbering> firstNumber = Numbering.parse(lines.get(first).text());
    String firstTitle = tocTitle(lines.get(first).text());
    for (int i = first + 1; i < lines.size(); i++) {
      String text = lines.get(i).text();
      Optional<Numbering> number = Numbering.parse(text);
      if (firstNumber.isPresent()
          && number.isPresent()
          && number.get().style() == firstNumber.get().style()
          && number.get().value().equals(firstNumber.get().value())
          && sharedPrefix(tocTitle(text), firstTitle) >= Math.min(4, firstTitle.length())) {
        return i;
      }
      if (firstNumber.isEmpty() && tocTitle(text).equals(firstTitle) && !looksLikeTocEntry(text)) {
        return i;
      }
    }
    int i = first;
    while (i < lines.size() && (lines.get(i).isBlank() || looksLikeTocEntry(lines.get(i).text()))) {
      i++;
    }
    return i;
  }

  /**
   * A contents list without a 目录 line: at least three numbered entries with leaders or page numbers
   * right after the title. Returns the line before the first entry, as for a labelled one.
   */
  private static int unlabelledToc(List<SourceLine> lines, int from) {
    int first = -1;
    int entries = 0;
    for (int i = Math.max(0, from); i < lines.size() && entries < 3; i++) {
      String text = lines.get(i).text();
      if (text.isBlank()) {
        continue;
      }
      if (Numbering.parse(text).isEmpty()
          || !TOC_LEADERS.matcher(text).find() && !TOC_PAGE.matcher(text).find()) {
        return -1;
      }
      first = first < 0 ? i : first;
      entries++;
    }
    return entries >= 3 ? first - 1 : -1;
  }

  private static boolean looksLikeTocEntry(String text) {
    return TOC_LEADERS.matcher(text).find() || TOC_PAGE.matcher(text).find();
  }

  static String tocTitle(String text) {
    String title = text;
    Optional<Numbering> number = Numbering.parse(title);
    if (number.isPresent()) {
      title = title.substring(number.get().end());
    }
    title = title.replaceAll("[.·…\\t ]+\\d*\\s*$", "").replaceAll("\\d+$", "");
    return Fold.width(title).replace(" ", "").replace(",", "，");
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static int footerStart(List<SourceLine> lines, int bodyStart) {
    for (int i = bodyStart; i < lines.size(); i++) {
      String text = lines.get(i).text().strip();
      if (FOOTER.matcher(text).find()) {
        return i;
      }
      if (ISSUED_ON.matcher(text).find()) {
        int j = i - 1;
        while (j > bodyStart && lines.get(j).isBlank()) {
          j--;
        }
        return lines.get(j).text().strip().endsWith("办公室") ? j : i;
      }
    }
    return lines.size();
  }
}
