package org.qingshan.plan.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * Finds dated and quantified targets in task text, sentence by sentence. A sentence becomes a
 * target when it states a deadline, a quantity with a verb of attainment (达到, 控制在, 下降…), a
 * recurring duty, or a target a higher level sets (完成市下达的任务: {@link DatedTarget#assigned()}, even
 * without a date or a number). Hedges change meaning and are kept: 以上 ≥, 以下 ≤, 左右 ≈, 力争
 * (aspirational).
 */
public final class TargetExtractor {
  static final Pattern LEADING_DATE = Pattern.compile("^(到|至|在)?\\s*\\d{4}\\s*年(年底|底|末)?(前)?\\s*");
  static final Pattern LEADING_HEDGE = Pattern.compile("^(力争|确保|全县|全区|全市)+");

  private static final Pattern DEADLINE =
      Pattern.compile(
          "(?<![0-9])(20\\d{2}|19\\d{2})\\s*年\\s*(?:(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?)?\\s*(年底|年末|底|末)?\\s*(前|以前|之前)?");
  private static final Pattern FIVE_YEAR_PERIOD =
      Pattern.compile("十([一二三四五六七八九])五[”\"]?\\s*(期间|时期|末)");
  private static final Pattern BY_YEAR = Pattern.compile("(到|至|截至|截止|于|在)\\s*$");
  private static final Pattern QUANTITY =
      Pattern.compile(
          "(达到|达|提高到|提升到|提高至|提升至|增加到|稳定在|保持在|控制在|降低到|降至|下降到|不得低于|不得高于|不得超过|不得少于|不低于|不高于|不超过|不少于|不大于|不小于|大于或等于|小于或等于|大于|小于|高于|低于|下降|降低|减少|削减|增长|提高|为|占比)\\s*"
              + "(-?\\d+(?:\\.\\d+)?|X+)\\s*(%|‰|个百分点|万吨标准煤|万吨|吨|公里|千米|km|万亩|亩|公顷|处|个|座|家|台|辆|万户|户|μg/m³|μg/m3|ug/m³|mg/L|倍|天|条|项|次|万千瓦|千瓦|MW|万元|亿元|m³/d|万立方米|亿立方米)?"
              + "\\s*(及以上|以上|以下|以内|左右|上下)?");
  private static final Pattern RECURRING =
      Pattern.compile(
          "每年\\s*\\d{1,2}月\\d{1,2}日至次年\\d{1,2}月\\d{1,2}日|每(年|季度|半年|月|周|日|天|旬)|\\d{1,2}\\s*(至|-|~|～)\\s*\\d{1,2}\\s*月|定期");

  /** Words that soften a target; kept in front of the comparator (力争≥, 原则上≤). */
  private static final List<String> HEDGES = List.of("原则上", "力争");

  private static final Pattern METRIC_START = Pattern.compile("[，,、；;：:]");

  private TargetExtractor() {}

  public static List<DatedTarget> extract(String text) {
    List<DatedTarget> targets = new ArrayList<>();
    Optional<LocalDate> carried = Optional.empty();
    for (String sentence : sentences(text)) {
      String folded = Fold.width(sentence);
      Optional<LocalDate> deadline = deadline(folded);
      Matcher quantity = QUANTITY.matcher(folded);
      boolean hasQuantity = quantity.find();
      Matcher recurring = RECURRING.matcher(folded);
      boolean hasRecurring = recurring.find();
      Optional<AssignedClause> assigned = AssignedClause.find(sentence);
      if (deadline.isEmpty() && (hasQuantity || assigned.isPresent()) && carried.isPresent()) {
        deadline = carried;
      }
      if (deadline.isEmpty() && !hasQuantity && !hasRecurring && assigned.isEmpty()) {
        continue;
      }
      carried = deadline.isPresent() ? deadline : carried;
      Optional<String> repeats =
          hasRecurring
              ? Optional.of(sentence.substring(recurring.start(), recurring.end()))
              : Optional.empty();
      if (assigned.isPresent()
          && hasQuantity
          && (quantity.start() < assigned.get().start()
              || quantity.start() >= assigned.get().end())) {
        // Two targets in one sentence: 完成聊城市下达的国四货车淘汰任务，国六货车占比达到30%以上.
        AssignedClause a = assigned.get();
        boolean first = a.end() <= quantity.start();
        String part = first ? sentence.substring(0, a.end()) : sentence.substring(a.start());
        DatedTarget byHigherLevel = assignedOnly(part, a, deadline);
        DatedTarget stated = quantified(sentence, quantity, deadline, repeats, false);
        targets.addAll(first ? List.of(byHigherLevel, stated) : List.of(stated, byHigherLevel));
      } else if (hasQuantity) {
        targets.add(quantified(sentence, quantity, deadline, repeats, assigned.isPresent()));
      } else {
        DatedTarget plain =
            new DatedTarget(
                sentence.strip(),
                assigned.flatMap(AssignedClause::metric),
                Optional.empty(),
                Optional.empty(),
                hedged(folded, Optional.empty()),
                deadline,
                repeats,
                assigned.isPresent());
        targets.add(plain);
      }
    }
    return targets;
  }

  /** A sentence's target with its quantity: what is measured, value, unit and comparator. */
  private static DatedTarget quantified(
      String sentence,
      Matcher quantity,
      Optional<LocalDate> deadline,
      Optional<String> recurring,
      boolean assigned) {
    String folded = Fold.width(sentence);
    Optional<BigDecimal> value =
        quantity.group(2).startsWith("X")
            ? Optional.empty()
            : Optional.of(new BigDecimal(quantity.group(2)));
    Optional<String> unit =
        Optional.ofNullable(quantity.group(3))
            .map(u -> sentence.substring(quantity.start(3), quantity.end(3)));
    return new DatedTarget(
        sentence.strip(),
        metric(sentence, quantity.start()),
        value,
        unit,
        hedged(folded, comparator(quantity.group(1), quantity.group(4))),
        deadline,
        recurring,
        assigned);
  }

  /** The part of a sentence that states only a target set by a higher level. */
  private static DatedTarget assignedOnly(
      String part, AssignedClause clause, Optional<LocalDate> deadline) {
    String folded = Fold.width(part);
    Matcher recurring = RECURRING.matcher(folded);
    return new DatedTarget(
        part.strip(),
        clause.metric(),
        Optional.empty(),
        Optional.empty(),
        hedged(folded, Optional.empty()),
        deadline,
        recurring.find()
            ? Optional.of(part.substring(recurring.start(), recurring.end()))
            : Optional.empty(),
        true);
  }

  /** The comparator with 力争/原则上 in front when the sentence softens it. */
  private static Optional<String> hedged(String folded, Optional<String> comparator) {
    Optional<String> out = comparator;
    for (String hedge : HEDGES) {
      if (folded.contains(hedge)) {
        out = Optional.of(hedge + out.orElse(""));
      }
    }
    return out;
  }

  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    StringBuilder sentence = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（') {
        depth++;
      } else if ((c == ')' || c == '）') && depth > 0) {
        depth--;
      }
      sentence.append(c);
      if (depth == 0 && (c == '。' || c == '；' || c == ';' || c == '\n')) {
        add(sentences, sentence);
      }
    }
    add(sentences, sentence);
    return sentences;
  }

  private static void add(List<String> sentences, StringBuilder sentence) {
    String s = sentence.toString().strip();
    if (s.length() > 1) {
      sentences.add(s);
    }
    sentence.setLength(0);
  }

  static Optional<LocalDate> deadline(String folded) {
    Optional<LocalDate> dated = datedDeadline(folded);
    if (dated.isPresent()) {
      return dated;
    }
    Matcher period = FIVE_YEAR_PERIOD.matcher(folded);
    if (period.find()) {
      // The third five-year plan started in 1966; each since spans five years.
      int n = "一二三四五六七八九".indexOf(period.group(1).charAt(0)) + 11;
      return Optional.of(LocalDate.of(1966 + 5 * (n - 3) + 4, 12, 31));
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> datedDeadline(String folded) {
    Matcher m = DEADLINE.matcher(folded);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      String monthText = m.group(2);
      boolean endOfYear = m.group(4) != null && m.group(4).contains("年");
      boolean before = m.group(5) != null || m.group(4) != null;
      boolean by = BY_YEAR.matcher(folded.substring(0, m.start())).find();
      String after = folded.substring(m.end());
      // A bare year followed by a comma opens a staged target (2021年，…); 2015年 in a comparison is
      // not a deadline.
      boolean staged =
          monthText == null && !before && !by && (after.startsWith(",") || after.startsWith("，"));
      if (!(before || by || staged || endOfYear)) {
        continue;
      }
      if (monthText != null) {
        int month = Integer.parseInt(monthText);
        if (month < 1 || month > 12) {
          continue;
        }
        YearMonth ym = YearMonth.of(year, month);
        int day = m.group(3) != null ? Integer.parseInt(m.group(3)) : ym.lengthOfMonth();
        return Optional.of(ym.atDay(Math.min(Math.max(day, 1), ym.lengthOfMonth())));
      }
      return Optional.of(LocalDate.of(year, 12, 31));
    }
    return Optional.empty();
  }

  private static Optional<String> metric(String sentence, int verbStart) {
    String before = sentence.substring(0, verbStart);
    Matcher m = METRIC_START.matcher(before);
    int from = 0;
    while (m.find()) {
      from = m.end();
    }
    String metric = before.substring(from).strip();
    metric = LEADING_DATE.matcher(metric).replaceAll("");
    metric = LEADING_HEDGE.matcher(metric).replaceAll("").strip();
    return metric.isEmpty() || metric.length() > 40 ? Optional.empty() : Optional.of(metric);
  }

  private static Optional<String> comparator(String verb, String hedge) {
    if (hedge != null) {
      return switch (hedge) {
        case "及以上", "以上" -> Optional.of("≥");
        case "以下", "以内" -> Optional.of("≤");
        default -> Optional.of("≈");
      };
    }
    return switch (verb) {
      case "不低于", "不少于", "大于或等于", "不得低于", "不得少于", "不小于" -> Optional.of("≥");
      case "达到", "达", "提高到", "提升到", "提高至", "提升至", "增加到" -> Optional.of("≥");
      case "不高于", "不超过", "小于或等于", "控制在", "降低到", "降至", "下降到", "不得高于", "不得超过", "不大于" ->
          Optional.of("≤");
      case "大于", "高于" -> Optional.of(">");
      case "小于", "低于" -> Optional.of("<");
      case "下降", "降低", "减少", "削减" -> Optional.of("减少");
      case "增长", "提高" -> Optional.of("增长");
      default -> Optional.of("=");
    };
  }
}
