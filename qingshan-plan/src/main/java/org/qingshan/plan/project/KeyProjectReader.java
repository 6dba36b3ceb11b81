package org.qingshan.plan.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.structure.Numbering;
import org.qingshan.plan.structure.Paragraph;

/**
 * Reads key projects from a project chapter or a box (专栏): one project per entry, a following
 * 项目内容/建设内容 paragraph as its content, and an investment when one is stated (亿元 converted to 万元).
 * Table rows (tab-separated) are read by their 项目名称/建设内容/投资 columns.
 */
public final class KeyProjectReader {

  private static final Pattern CONTENT = Pattern.compile("^(项目|建设|主要|工程)内容\\s*[:：]\\s*");
  private static final Pattern INVESTMENT =
      Pattern.compile(
          "(?:总)?投资(?:约|估算|概算|额|规模)?(?:为|约)?\\s*[:：]?\\s*(\\d+(?:\\.\\d+)?)\\s*(万元|亿元)");
  private static final Pattern AMOUNT = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(万元|亿元)?$");
  private static final Pattern BOX_TITLE = Pattern.compile("^专栏\\s*\\d*");

  private KeyProjectReader() {}

  public static List<KeyProject> read(List<Paragraph> paragraphs) {
    List<KeyProject> projects = new ArrayList<>();
    int[] columns = null;
    for (Paragraph paragraph : paragraphs) {
      String text = paragraph.text().strip();
      if (text.indexOf('\t') >= 0) {
        List<String> cells = Arrays.stream(text.split("\t", -1)).map(String::strip).toList();
        if (columns == null) {
          columns = header(cells);
          if (columns != null) {
            continue;
          }
        }
        if (columns != null) {
          row(cells, columns, paragraph.firstLine()).ifPresent(projects::add);
        }
        continue;
      }
      if (BOX_TITLE.matcher(Fold.width(text)).find() && text.length() <= 40) {
        continue;
      }
      Matcher content = CONTENT.matcher(text);
      if (content.find() && !projects.isEmpty()) {
        KeyProject last = projects.remove(projects.size() - 1);
        String body = text.substring(content.end()).strip();
        projects.add(
            new KeyProject(
                last.name(),
                Optional.of(body),
                last.investment().or(() -> investment(body)),
                last.line()));
        continue;
      }
      projects.add(project(text, paragraph.firstLine()));
    }
    return projects;
  }

  private static KeyProject project(String text, int line) {
    String entry = text;
    Optional<Numbering> numbering = Numbering.parse(entry);
    if (numbering.isPresent()) {
      entry = entry.substring(numbering.get().end());
    }
    entry = entry.replaceAll("[;；。，,\\s]+$", "");
    String name = entry;
    Optional<String> content = Optional.empty();
    Matcher split = Pattern.compile("^(.{2,60}?(工程|项目))[：:，,。]\\s*(.+)$").matcher(entry);
    if (split.find()) {
      name = split.group(1);
      content = Optional.of(split.group(3));
    }
    return new KeyProject(name, content, investment(entry), line);
  }

  static Optional<BigDecimal> investment(String text) {
    Matcher m = INVESTMENT.matcher(Fold.width(text));
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(toTenThousand(new BigDecimal(m.group(1)), m.group(2)));
  }

  private static BigDecimal toTenThousand(BigDecimal amount, String unit) {
    return "亿元".equals(unit) ? amount.multiply(BigDecimal.valueOf(10000)) : amount;
  }

  private static int[] header(List<String> cells) {
    int name = -1;
    int content = -1;
    int money = -1;
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (name < 0 && cell.matches(".*(项目|工程)名称.*")) {
        name = i;
      } else if (content < 0 && cell.matches(".*(建设|项目|主要)?内容.*")) {
        content = i;
      } else if (money < 0 && cell.contains("投资")) {
        money = i;
      }
    }
    return name < 0 ? null : new int[] {name, content, money, unitOf(cells, money)};
  }

  private static int unitOf(List<String> cells, int money) {
    return money >= 0 && cells.get(money).contains("亿元") ? 1 : 0;
  }

  private static Optional<KeyProject> row(List<String> cells, int[] columns, int line) {
    if (columns[0] >= cells.size() || cells.get(columns[0]).isBlank()) {
      return Optional.empty();
    }
    Optional<String> content =
        columns[1] >= 0 && columns[1] < cells.size() && !cells.get(columns[1]).isBlank()
            ? Optional.of(cells.get(columns[1]))
            : Optional.empty();
    Optional<BigDecimal> money = Optional.empty();
    if (columns[2] >= 0 && columns[2] < cells.size()) {
      Matcher m = AMOUNT.matcher(Fold.width(cells.get(columns[2])).replace(",", "").strip());
      if (m.find()) {
        String unit = m.group(2) != null ? m.group(2) : (columns[3] == 1 ? "亿元" : "万元");
        money = Optional.of(toTenThousand(new BigDecimal(m.group(1)), unit));
      }
    }
    return Optional.of(new KeyProject(cells.get(columns[0]), content, money, line));
  }
}
