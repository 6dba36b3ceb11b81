package org.qingshan.server.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.server.plandispatch.DispatchIndicator;
import org.qingshan.server.plandispatch.DispatchPlan;

/**
 * What the 评估 page shows before the planner chooses: the plan in force (the earliest published of
 * the published plans, not a newly imported one) and the kind the date calls for within the plan's
 * period. Pure: no clock, no I/O.
 */
final class EvaluationDefaults {
  private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*[—–\\-－~～至到]+\\s*(\\d{4})");
  private static final Pattern FIVE_YEAR = Pattern.compile("十([一二三四五六七八九])五");
  private static final Map<Character, Integer> DIGITS =
      Map.of('一', 1, '二', 2, '三', 3, '四', 4, '五', 5, '六', 6, '七', 7, '八', 8, '九', 9);

  private EvaluationDefaults() {}

  /** The plan in force among the published ones: the earliest published (then the lowest id). */
  static Optional<DispatchPlan> plan(List<DispatchPlan> published) {
    return published.stream()
        .min(
            Comparator.comparing(
                    (DispatchPlan p) -> p.publishedAt().orElse(OffsetDateTime.MAX),
                    Comparator.naturalOrder())
                .thenComparingLong(DispatchPlan::id));
  }

  /** A plan's period in years, first and last. */
  record Period(int first, int last) {}

  /**
   * The plan's period: the years its title names (2023—2025年), else its five-year plan (“十四五”:
   * 2021–2025), else from the year after its indicators' baseline to their latest target year.
   */
  static Optional<Period> period(String title, List<DispatchIndicator> indicators) {
    Matcher range = RANGE.matcher(title);
    if (range.find()) {
      int a = Integer.parseInt(range.group(1));
      int b = Integer.parseInt(range.group(2));
      if (b >= a) {
        return Optional.of(new Period(a, b));
      }
    }
    Matcher five = FIVE_YEAR.matcher(title);
    if (five.find()) {
      // 十一五 = 2006–2010: each five-year plan five years after the previous one
      int first = 2006 + 5 * (DIGITS.get(five.group(1).charAt(0)) - 1);
      return Optional.of(new Period(first, first + 4));
    }
    Optional<Integer> last =
        indicators.stream().flatMap(i -> i.targetYear().stream()).max(Integer::compare);
    Optional<Integer> base =
        indicators.stream().flatMap(i -> i.baselineYear().stream()).min(Integer::compare);
    if (last.isPresent() && base.isPresent() && last.get() > base.get()) {
      return Optional.of(new Period(base.get() + 1, last.get()));
    }
    return Optional.empty();
  }

  /**
   * The kind the date calls for: after the period's last year 总结评估; past its half 中期评估; else 年度总结.
   * Without a known period, 中期评估.
   */
  static EvaluationKind kind(Optional<Period> period, LocalDate date) {
    if (period.isEmpty()) {
      return EvaluationKind.MIDTERM;
    }
    LocalDate start = LocalDate.of(period.get().first(), 1, 1);
    LocalDate end = LocalDate.of(period.get().last(), 12, 31);
    if (date.isAfter(end)) {
      return EvaluationKind.FINAL;
    }
    LocalDate half = start.plusDays(ChronoUnit.DAYS.between(start, end) / 2);
    return date.isAfter(half) ? EvaluationKind.MIDTERM : EvaluationKind.ANNUAL;
  }
}
