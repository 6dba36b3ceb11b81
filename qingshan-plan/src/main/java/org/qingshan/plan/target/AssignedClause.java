package org.qingshan.plan.target;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qingshan.plan.document.Fold;

/**
 * The clause of a sentence whose target a higher level sets: 完成市下达的国四柴油货车淘汰任务, 达到省市下达的…下降目标,
 * 完成区、市下达减排任务, 以上级下达为准, 按市分解下达. The level must be the one assigning (国家, 省, 市, 上级, or a list such
 * as 区、市), and what it assigns a task, target or quota: 下达限期淘汰通知 (an order the bureau issues),
 * 配合上级部门调查 and 按年度分解下达到各乡镇 (the county dividing its own target) are not.
 *
 * @param start where the clause starts in the sentence (after the comma before it)
 * @param end where it ends (at the comma after it, or the sentence's end)
 * @param metric what is assigned, as the text names it: 国四排放标准营运柴油货车淘汰任务, 农村生活污水治理
 */
record AssignedClause(int start, int end, Optional<String> metric) {

  /** A level (or a list of levels) assigning a task, target or quota within the clause. */
  private static final Pattern ASSIGNING =
      Pattern.compile(
          "(?:国家|上级(?:部门)?|(?:[省区][、,，和及]?)?市|省)(?:人民政府|政府|生态环境厅|生态环境局)?(?:分解)?下达的?"
              + "([^。;；,，]{0,30}?)(任务目标|目标任务|指标任务|任务|目标|指标)");

  private static final Pattern AS_ASSIGNED = Pattern.compile("以(?:国家|上级|省|市)[^。;；,，]{0,10}为准");
  private static final Pattern DIVIDED = Pattern.compile("按(?:照)?(?:国家|上级|省|市)[^。;；,，]{0,10}分解下达");

  /** The verb before the level: what precedes it names the subject (农村生活污水治理完成…). */
  private static final Pattern COMPLETING = Pattern.compile("(?:全面|圆满|确保|力争|分解)?(?:完成|达到|落实|实现)$");

  private static final Pattern CLAUSE_END = Pattern.compile("[。;；,，]");

  /** The first clause of {@code sentence} stating an assigned target. */
  static Optional<AssignedClause> find(String sentence) {
    String folded = Fold.width(sentence);
    Matcher m = ASSIGNING.matcher(folded);
    if (m.find()) {
      String object = sentence.substring(m.start(1), m.end(1)).strip();
      Optional<String> metric =
          object.isEmpty()
              ? subject(sentence, folded, m.start())
              : Optional.of(object + m.group(2).substring(0, 2)).filter(s -> s.length() <= 40);
      return Optional.of(clause(folded, m.start(), m.end(), metric));
    }
    for (Pattern p : new Pattern[] {AS_ASSIGNED, DIVIDED}) {
      Matcher other = p.matcher(folded);
      if (other.find()) {
        return Optional.of(
            clause(folded, other.start(), other.end(), subject(sentence, folded, other.start())));
      }
    }
    return Optional.empty();
  }

  private static AssignedClause clause(String folded, int from, int to, Optional<String> metric) {
    int start = 0;
    Matcher before = CLAUSE_END.matcher(folded.substring(0, from));
    while (before.find()) {
      start = before.end();
    }
    Matcher after = CLAUSE_END.matcher(folded);
    int end = after.find(to) ? after.start() : folded.length();
    return new AssignedClause(start, end, metric);
  }

  /** The words of the clause before the assigning level and its verb: 大型规模化养殖场氨排放总量下降. */
  private static Optional<String> subject(String sentence, String folded, int levelStart) {
    Matcher sep = CLAUSE_END.matcher(folded.substring(0, levelStart));
    int from = 0;
    while (sep.find()) {
      from = sep.end();
    }
    String s = sentence.substring(from, levelStart);
    s = COMPLETING.matcher(s).replaceAll("");
    s = TargetExtractor.LEADING_DATE.matcher(s.strip()).replaceAll("");
    s = TargetExtractor.LEADING_HEDGE.matcher(s).replaceAll("").strip();
    return s.isEmpty() || s.length() > 40 ? Optional.empty() : Optional.of(s);
  }
}
