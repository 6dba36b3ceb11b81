package org.qingshan.plan.structure;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.common.PlanPeriod;
import org.qingshan.plan.document.Fold;
import org.qingshan.plan.document.SourceLine;

/**
 * The notice data around the plan: title, issuing body, document number (文号), date and plan period.
 * Read from the notice and title page only, so document numbers cited in the body are not taken for
 * the plan's own.
 */
public record PlanHeader(
    String title,
    Optional<String> issuer,
    Optional<String> documentNumber,
    Optional<LocalDate> date,
    Optional<PlanPeriod> period) {

  private static final Pattern DOC_NUMBER =
      Pattern.compile(
          "[\\u4e00-\\u9fff]{1,12}\\s*[〔\\[【(（]\\s*\\d{4}\\s*[〕\\]】)）]\\s*第?\\s*\\d+\\s*号");
  private static final Pattern DATE_LINE =
      Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
  private static final Pattern ISSUED_FOOTER =
      Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*印发$");
  private static final Pattern ISSUER = Pattern.compile("(人民政府|委员会|办公室|办公厅|局|厅|委|部|政府)$");
  private static final Pattern HEADED_PAPER = Pattern.compile("^(.{2,30}?)\\s*文件$");
  private static final Pattern NOTICE_ISSUER =
      Pattern.compile("^(.{2,30}?(人民政府|委员会|办公室|局|厅))\\s*关于印发");
  private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*[-—–~～至到－]+\\s*(\\d{4})");
  private static final Pattern FIVE_YEAR =
      Pattern.compile("[“\"]?(十[一二三四五六七八九]|[二三四五六七八九])五[”\"]?");

  public static PlanHeader read(List<SourceLine> lines, DocumentLayout layout) {
    String title = title(lines, layout);
    int envelopeEnd = layout.hasTitle() ? layout.titleFrom() : Math.min(lines.size(), 30);
    List<SourceLine> envelope = lines.subList(0, envelopeEnd);
    List<SourceLine> footer = lines.subList(Math.min(layout.bodyEnd(), lines.size()), lines.size());
    Optional<PlanPeriod> period = period(title).or(() -> statedPeriod(lines, layout));
    return new PlanHeader(
        title, issuer(envelope), documentNumber(envelope), date(envelope, footer), period);
  }

  private static final Pattern STATED_PERIOD =
      Pattern.compile("规划(期限|期|年限|时限|范围)[^。]{0,12}?(\\d{4})\\s*[-—–~～至到－]+\\s*(\\d{4})");

  /** Without years in the title, the body may state them: 规划期限为2021—2025年. */
  private static Optional<PlanPeriod> statedPeriod(List<SourceLine> lines, DocumentLayout layout) {
    int end = Math.min(lines.size(), layout.bodyEnd());
    for (int i = Math.max(0, layout.bodyStart()); i < end; i++) {
      Matcher m = STATED_PERIOD.matcher(Fold.width(lines.get(i).text()));
      if (m.find()) {
        int from = Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3));
        if (from <= to && to - from <= 30) {
          return Optional.of(new PlanPeriod(from, to));
        }
      }
    }
    return Optional.empty();
  }

  private static String title(List<SourceLine> lines, DocumentLayout layout) {
    if (layout.hasTitle()) {
      StringBuilder title = new StringBuilder();
      for (int i = layout.titleFrom(); i <= layout.titleTo(); i++) {
        title.append(lines.get(i).text().strip());
      }
      return title.toString();
    }
    Pattern quoted = Pattern.compile("《([^》]{4,60})》");
    for (SourceLine line : lines.subList(0, Math.min(lines.size(), 40))) {
      Matcher m = quoted.matcher(line.text());
      if (line.text().contains("印发") && m.find()) {
        return m.group(1);
      }
    }
    return lines.stream()
        .map(SourceLine::text)
        .filter(t -> !t.isBlank())
        .findFirst()
        .orElse("")
        .strip();
  }

  private static Optional<String> documentNumber(List<SourceLine> envelope) {
    for (SourceLine line : envelope) {
      Matcher m = DOC_NUMBER.matcher(line.text());
      if (m.find() && !line.text().contains("《")) {
        return Optional.of(m.group().strip());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> issuer(List<SourceLine> envelope) {
    for (int i = 0; i < envelope.size(); i++) {
      if (DATE_LINE.matcher(arabicDate(envelope.get(i).text().strip())).find()) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
          String text = envelope.get(j).text().strip();
          if (text.isEmpty()) {
            continue;
          }
          if (text.length() <= 30 && ISSUER.matcher(text).find()) {
            return Optional.of(text);
          }
          break;
        }
      }
    }
    for (SourceLine line : envelope) {
      String text = line.text().strip();
      Matcher headed = HEADED_PAPER.matcher(text);
      if (headed.find()) {
        return Optional.of(headed.group(1).strip());
      }
      Matcher notice = NOTICE_ISSUER.matcher(text);
      if (notice.find()) {
        return Optional.of(notice.group(1).strip());
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> date(List<SourceLine> envelope, List<SourceLine> footer) {
    for (SourceLine line : envelope) {
      Optional<LocalDate> date =
          parse(DATE_LINE.matcher(arabicDate(Fold.width(line.text()).strip())));
      if (date.isPresent()) {
        return date;
      }
    }
    for (SourceLine line : envelope) {
      Optional<LocalDate> date = parse(ISO_DATE.matcher(line.text().strip()));
      if (date.isPresent()) {
        return date;
      }
    }
    for (SourceLine line : footer) {
      Optional<LocalDate> date = parse(ISSUED_FOOTER.matcher(line.text().strip()));
      if (date.isPresent()) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static final Pattern CHINESE_DATE =
      Pattern.compile("^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$");

  /** 二〇二四年四月二十五日 → 2024年4月25日; signed notices often write dates in Chinese numerals. */
  static String arabicDate(String text) {
    Matcher m = CHINESE_DATE.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder year = new StringBuilder();
    for (char c : m.group(1).toCharArray()) {
      year.append("〇一二三四五六七八九".indexOf(c == '○' || c == '零' ? '〇' : c));
    }
    return year + "年" + small(m.group(2)) + "月" + small(m.group(3)) + "日";
  }

  private static int small(String text) {
    String digits = "一二三四五六七八九";
    int ten = text.indexOf('十');
    if (ten < 0) {
      return digits.indexOf(text.charAt(0)) + 1;
    }
    int tens = ten == 0 ? 1 : digits.indexOf(text.charAt(0)) + 1;
    int units = ten == text.length() - 1 ? 0 : digits.indexOf(text.charAt(ten + 1)) + 1;
    return tens * 10 + units;
  }

  private static Optional<LocalDate> parse(Matcher m) {
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The period from explicit years in the title, or from the five-year plan it names (十四五 →
   * 2021–2025).
   */
  static Optional<PlanPeriod> period(String title) {
    String folded = Fold.width(title);
    Matcher years = YEARS.matcher(folded);
    if (years.find()) {
      int from = Integer.parseInt(years.group(1));
      int to = Integer.parseInt(years.group(2));
      if (from <= to && to - from <= 30) {
        return Optional.of(new PlanPeriod(from, to));
      }
    }
    Matcher five = FIVE_YEAR.matcher(folded);
    if (five.find()) {
      int n = chineseNumber(five.group(1));
      if (n >= 3) {
        // The third five-year plan started in 1966 after a three-year adjustment; every one since
        // is five years.
        int from = 1966 + 5 * (n - 3);
        return Optional.of(new PlanPeriod(from, from + 4));
      }
    }
    return Optional.empty();
  }

  private static int chineseNumber(String text) {
    String digits = "一二三四五六七八九";
    if (text.startsWith("十")) {
      return 10 + (text.length() > 1 ? digits.indexOf(text.charAt(1)) + 1 : 0);
    }
    return digits.indexOf(text.charAt(0)) + 1;
  }
}
